using AidMarket.Domain.Ledger;

namespace AidMarket.Web.Ledger;

/// <summary>A rule: <paramref name="CheckedSql"/> returns one row of counts for <paramref name="CheckedFormat"/>.</summary>
internal sealed record IntegrityRule(string Code, string Title, string CheckedFormat, string CheckedSql, string ViolationsSql);

/// <summary>The rules <see cref="LedgerIntegrity"/> checks, as SQL over the totals it builds first; account names come from <see cref="LedgerAccount"/>.</summary>
internal static class IntegrityRules
{
    // Two passes over the postings make per-entry and per-account totals (temporary tables of the check's own transaction);
    // every rule then reads those, the invoices and the settlements.
    public static readonly string Totals = $"""
        CREATE TEMP TABLE entry_totals ON COMMIT DROP AS
        SELECT entry_id, count(*) AS n, sum(amount_fen) AS total,
               coalesce(sum(amount_fen) FILTER (WHERE account = '{LedgerAccount.Cash}'), 0) AS cash,
               coalesce(sum(amount_fen) FILTER (WHERE account = '{LedgerAccount.Escrow}'), 0) AS escrow,
               coalesce(sum(amount_fen) FILTER (WHERE account = '{LedgerAccount.PlatformFee}'), 0) AS fee,
               coalesce(sum(amount_fen) FILTER (WHERE account LIKE '{LedgerAccount.SupplierPrefix}%'), 0) AS supplier,
               coalesce(sum(amount_fen) FILTER (WHERE account LIKE '{LedgerAccount.HouseholdPrefix}%'), 0) AS households
        FROM postings GROUP BY entry_id;
        CREATE UNIQUE INDEX ON entry_totals (entry_id);
        CREATE TEMP TABLE account_totals ON COMMIT DROP AS
        SELECT account, count(*) AS n, sum(amount_fen) AS balance FROM postings GROUP BY account;
        ANALYZE entry_totals; ANALYZE account_totals;
        """;

    // Each violation query yields one text per violation, an example worth showing to finance.
    public static readonly IntegrityRule[] All =
    [
        new("entries-balance", "Every journal entry balances: at least two postings that sum to zero",
            "{0:N0} entries, {1:N0} postings", "SELECT (SELECT count(*) FROM journal_entries), coalesce((SELECT sum(n) FROM account_totals), 0)::bigint",
            """
            SELECT format('%s (%s): %s postings summing to %s fen', e.source_key, e.kind, coalesce(t.n, 0), coalesce(t.total, 0))
            FROM journal_entries e LEFT JOIN entry_totals t ON t.entry_id = e.id
            WHERE coalesce(t.total, 0) <> 0 OR coalesce(t.n, 0) < 2
            """),
        new("accounts-known", "Every posting is on a known account and the books' trial balance is zero",
            "{0:N0} accounts", "SELECT count(*) FROM account_totals",
            $"""
            SELECT format('%s postings on unknown account %s', n, account) FROM account_totals
            WHERE account !~ '{LedgerAccount.Pattern}'
            UNION ALL
            SELECT format('all postings sum to %s fen', total) FROM (SELECT coalesce(sum(balance), 0) AS total FROM account_totals) t WHERE total <> 0
            """),
        new("invoice-balances", "Each invoice's paid amount equals its payments less its refunds, and each of them is in the ledger",
            "{0:N0} invoices", "SELECT count(*) FROM invoices",
            """
            WITH refunded AS (
                SELECT split_part(e.source_key, ':', 2)::uuid AS supplier_order_id, -sum(t.cash) AS fen
                FROM journal_entries e JOIN entry_totals t ON t.entry_id = e.id
                WHERE e.kind IN ('Refund', 'EscrowRefund')
                GROUP BY 1),
            per_invoice AS MATERIALIZED (
                SELECT i.reference, i.paid_fen, i.supplier_order_id, coalesce(p.listed, 0) AS paid_listed, coalesce(p.received, 0) AS received,
                       coalesce((SELECT sum((x->>'AmountFen')::bigint) FROM jsonb_array_elements(i.refunds) x), 0) AS refunded_listed
                FROM invoices i LEFT JOIN LATERAL (
                    SELECT sum((x->>'AmountFen')::bigint) AS listed, sum(t.cash) AS received
                    FROM jsonb_array_elements(i.payments) x
                    LEFT JOIN journal_entries e ON e.source_key = 'payment:' || CASE x->>'Method' WHEN 'Stripe' THEN 'stripe' ELSE 'bank' END || ':' || (x->>'ExternalId')
                    LEFT JOIN entry_totals t ON t.entry_id = e.id) p ON true)
            SELECT format('invoice %s: paid %s fen, payments %s less refunds %s; in the ledger received %s, refunded %s',
                          l.reference, l.paid_fen, l.paid_listed, l.refunded_listed, l.received, coalesce(f.fen, 0))
            FROM per_invoice l LEFT JOIN refunded f ON f.supplier_order_id = l.supplier_order_id
            WHERE l.paid_fen <> l.paid_listed - l.refunded_listed OR l.paid_listed <> l.received OR l.refunded_listed <> coalesce(f.fen, 0)
            """),
        new("settled-once", "Every settled supplier order has exactly one settlement, with its own journal entry",
            "{0:N0} settled orders, {1:N0} settlements",
            "SELECT (SELECT count(*) FROM supplier_orders WHERE settled_at IS NOT NULL), (SELECT count(*) FROM settlements)",
            """
            SELECT format('order %s is marked settled but has no settlement', so.order_number)
            FROM supplier_orders so WHERE so.settled_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM settlements s WHERE s.supplier_order_id = so.id)
            UNION ALL
            SELECT format('order %s has a settlement but is not marked settled', so.order_number)
            FROM settlements s JOIN supplier_orders so ON so.id = s.supplier_order_id WHERE so.settled_at IS NULL
            UNION ALL
            SELECT format('settlement of order %s points to entry %s (%s)', so.order_number, e.source_key, e.kind)
            FROM settlements s JOIN supplier_orders so ON so.id = s.supplier_order_id JOIN journal_entries e ON e.id = s.journal_entry_id
            WHERE e.kind <> 'Settlement' OR e.source_key <> 'settlement:' || s.supplier_order_id
            UNION ALL
            SELECT format('settlement entry %s has no settlement record', e.source_key)
            FROM journal_entries e WHERE e.kind = 'Settlement' AND NOT EXISTS (SELECT 1 FROM settlements s WHERE s.journal_entry_id = e.id)
            """),
        new("settlement-split", "Each settlement's postings match its split: escrow released = total, household credits = household share, fee and supplier parts",
            "{0:N0} settlements", "SELECT count(*) FROM settlements",
            """
            SELECT format('order %s: total %s, escrow released %s; household share %s, credited %s; fee %s/%s; supplier %s/%s',
                          so.order_number, s.total_fen, coalesce(t.escrow, 0), s.household_fen, -coalesce(t.households, 0), s.fee_fen, -coalesce(t.fee, 0),
                          s.supplier_fen, -coalesce(t.supplier, 0))
            FROM settlements s LEFT JOIN entry_totals t ON t.entry_id = s.journal_entry_id JOIN supplier_orders so ON so.id = s.supplier_order_id
            WHERE t.entry_id IS NULL OR t.escrow <> s.total_fen OR -t.households <> s.household_fen OR -t.fee <> s.fee_fen OR -t.supplier <> s.supplier_fen
               OR s.total_fen <> s.fee_fen + s.household_fen + s.supplier_fen
            """),
        new("disbursements-within-credits", "Disbursements never exceed credits: no household is paid more than it was credited",
            "{0:N0} households with postings", $"SELECT count(*) FROM account_totals WHERE account LIKE '{LedgerAccount.HouseholdPrefix}%'",
            $"""
            SELECT format('%s: %s fen more paid out than credited', account, balance) FROM account_totals
            WHERE account LIKE '{LedgerAccount.HouseholdPrefix}%' AND balance > 0
            UNION ALL
            SELECT format('disbursements in transit: %s fen more confirmed than sent', balance) FROM account_totals
            WHERE account = '{LedgerAccount.DisbursementsInTransit}' AND balance > 0
            """),
        new("escrow-covered", "Settlements and refunds never release more than buyers paid in (escrow never below zero)",
            "{0:N0} escrow postings", $"SELECT coalesce(sum(n), 0)::bigint FROM account_totals WHERE account = '{LedgerAccount.Escrow}'",
            $"SELECT format('escrow is %s fen below zero', balance) FROM account_totals WHERE account = '{LedgerAccount.Escrow}' AND balance > 0"),
    ];
}
