using AidMarket.Domain.Ledger;
using AidMarket.Domain.Procurement;
using AidMarket.Web.Ledger;
using AidMarket.Web.Payments;
using Npgsql;

namespace AidMarket.Web.Tests.Ledger;

/// <summary>
/// What is checked after every step of a walk: the app has finished what the step set off (outbox, Stripe events, settlement
/// of what is due), the ledger integrity check passes, and the database holds exactly what the model expects.
/// </summary>
public sealed class WalkChecks(StripeAppFixture app, WalkModel model)
{
    // What the app still has to do: messages to publish, Stripe events to apply, orders due for settlement, refund webhooks
    // Stripe has not delivered yet (the fake sends one per refund, racing the API's answer).
    private const string PendingSql = $"""
        SELECT (SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL),
               (SELECT count(*) FROM stripe_events WHERE processed_at IS NULL),
               (SELECT count(*) FROM supplier_orders WHERE {DueForSettlementSql.Condition}),
               greatest(0, $1 - (SELECT count(*) FROM stripe_events WHERE type = 'refund.updated' AND id LIKE 'evt_re_test%'))
        """;

    // Everything a refused step must leave as it was (carts, logs, notifications and Stripe's event log aside).
    private static readonly string[] Kept =
    [
        "journal_entries", "postings", "settlements", "invoices", "bank_transfers", "purchase_orders", "supplier_orders", "shipments",
        "acceptance_records", "products", "product_lots", "disbursement_batches", "disbursement_lines", "supplier_payout_batches", "supplier_payouts",
    ];

    public async Task AfterStepAsync()
    {
        await QuietAsync();
        await ObserveSettlementsAsync();
        await VerifyAsync();
    }

    public async Task QuietAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var pending = await LongsAsync(PendingSql, model.StripeRefunds);
            if (pending.All(n => n == 0)) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The app did not finish: {pending[0]} outbox messages unsent, {pending[1]} Stripe events unapplied, " +
                                           $"{pending[2]} orders accepted and paid in full but not settled, {pending[3]} refund webhooks not received.");
            await Task.Delay(20);
        }
    }

    public async Task<string> FingerprintAsync() =>
        (await ScalarAsync($"SELECT md5(concat_ws('/', {string.Join(", ", Kept.Select(t => $"coalesce((SELECT string_agg(t::text, '|' ORDER BY t::text) FROM {t} t), '')"))}))"))!;

    /// <summary>
    /// Takes every settlement the app made since the last look into the model: each must be of an order accepted and paid in
    /// full, split as the rules say to the fen; and no order that is due may be left unsettled.
    /// </summary>
    public async Task ObserveSettlementsAsync()
    {
        var settled = await app.QueryAsync(db => db.Settlements.AsNoTracking().ToListAsync());
        foreach (var record in settled.Where(s => model.Orders.Any(o => o.Id == s.SupplierOrderId && o.Settlement is null)))
        {
            var order = model.Orders.Single(o => o.Id == record.SupplierOrderId);
            var bill = order.Bill.ShouldNotBeNull($"{order} was settled without an invoice");
            bill.IsDue.ShouldBeTrue($"{order} was settled before it was accepted and paid in full ({order.Status}, paid {bill.Paid} of {bill.Amount})");
            var split = WalkSplit.Settle(order, model.Lots);
            split.Shares.Sum(s => s.Fen).ShouldBe(split.HouseholdFen, "every fen of the household share is allocated");
            (record.Total.Fen, record.Fee.Fen, record.HouseholdShare.Fen, record.SupplierPart.Fen).ShouldBe((split.Total, 0L, split.HouseholdFen, split.SupplierFen), $"the split of {order}");
            var entry = await app.QueryAsync(db => db.JournalEntries.AsNoTracking().SingleAsync(e => e.Id == record.JournalEntryId));
            entry.Postings.Where(p => p.Account.Kind == LedgerAccountKind.HouseholdPayable)
                .Select(p => (p.Account.OwnerId!.Value, p.ProductId!.Value, -p.Amount.Fen)).Order()
                .ShouldBe(split.Shares.Select(s => (s.Household, s.Product, s.Fen)).Order(), $"each household's part of {order}, to the fen");
            order.Settlement = split;
            model.Books.Post([(LedgerAccount.Escrow, split.Total), (LedgerAccount.Supplier(order.Supplier.Id), -split.SupplierFen),
                .. split.Shares.Select(s => (LedgerAccount.Household(s.Household), -s.Fen))]);
        }
        settled.Count.ShouldBe(model.Orders.Count(o => o.Settlement is not null), "only orders of the walk are settled, each once");
    }

    public async Task VerifyAsync()
    {
        var report = await new LedgerIntegrity(app.Database.ConnectionString).VerifyAsync();
        report.Passed.ShouldBeTrue("ledger integrity: " + string.Join("; ", report.Checks.Where(c => !c.Passed).SelectMany(c => c.Examples.Prepend(c.Code))));
        var balances = await app.QueryAsync(db => db.Database.SqlQuery<AccountBalance>(
            $"SELECT account AS account, sum(amount_fen)::bigint AS fen FROM postings GROUP BY account HAVING sum(amount_fen) <> 0").ToListAsync());
        balances.Select(b => (b.Account, b.Fen)).Order().ShouldBe(model.Books.Balances.Select(b => (b.Key, b.Value)).Order(), "every account's balance");
        await OrdersMatchAsync();
        await InvoicesMatchAsync();
        await PayoutsMatchAsync();
        await HouseholdsPaidWithinCreditsAsync();
        StripeRefundsInTheBooks();
        model.Orders.Where(o => o.Bill is { IsDue: true }).ShouldBeEmpty("every order accepted and paid in full is settled");
    }

    private sealed record AccountBalance(string Account, long Fen);

    private async Task OrdersMatchAsync()
    {
        var ids = model.Products.Select(p => p.Id).ToList();
        var stock = await app.QueryAsync(db => db.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Stock));
        foreach (var product in model.Products)
            stock[product.Id].ShouldBe(product.Stock, $"stock of {product.Name}: reserved by orders, given back by declined and closed lines, never below zero");
        var orders = await app.QueryAsync(db => db.SupplierOrders.AsNoTracking().ToListAsync());
        orders.Select(o => o.Id).Order().ShouldBe(model.Orders.Select(o => o.Id).Order(), "the supplier orders placed");
        foreach (var order in orders)
        {
            var expected = model.Orders.Single(o => o.Id == order.Id);
            order.Status.ShouldBe(expected.Status, $"status of {expected}");
            order.Lines.Select(l => (l.ProductId, l.Status == LineStatus.Declined, l.Shipped, l.Closed, l.Accepted, l.Rejected)).ShouldBe(
                expected.Lines.Select(l => (l.ProductId, l.Declined, l.Shipped, l.Closed, l.Accepted, l.Rejected)), ignoreOrder: true, $"lines of {expected}");
        }
    }

    private async Task InvoicesMatchAsync()
    {
        var invoices = await app.QueryAsync(db => db.Invoices.AsNoTracking().ToListAsync());
        invoices.Select(i => i.Id).Order().ShouldBe(model.Bills.Select(b => b.Id).Order(), "invoices: one per accepted order with something to pay");
        foreach (var invoice in invoices)
        {
            var bill = model.Bills.Single(b => b.Id == invoice.Id);
            (invoice.Amount.Fen, invoice.Paid.Fen, invoice.Credited.Fen).ShouldBe((bill.Amount, bill.Paid, bill.Credited), $"amount, paid and credited of {bill}");
            invoice.Payments.Select(p => (p.ExternalId, p.Method, p.Amount.Fen)).ShouldBe(bill.Payments, ignoreOrder: true, $"payments of {bill}");
            invoice.Refunds.Select(r => (r.Amount.Fen, r.CreditNote)).ShouldBe(bill.Refunds, ignoreOrder: true, $"refunds of {bill}");
            invoice.PaymentFailures.Count.ShouldBe(bill.Failures, $"declined online payments of {bill}");
        }
    }

    private async Task PayoutsMatchAsync()
    {
        var transfers = await app.QueryAsync(db => db.BankTransfers.AsNoTracking().Select(t => new { t.SlipKey, t.Outcome }).ToListAsync());
        transfers.Select(t => (t.SlipKey, t.Outcome)).ShouldBe(model.Transfers, ignoreOrder: true, "bank transfers recorded and how each matched");
        var lines = await app.QueryAsync(db => db.DisbursementBatches.AsNoTracking().SelectMany(b => b.Lines).Select(l => new { l.Id, l.Status }).ToListAsync());
        lines.Select(l => (l.Id, l.Status.ToString())).ShouldBe(model.Disbursements.Select(d => (d.Id, d.Status.ToString())), ignoreOrder: true, "disbursement lines");
        var payouts = await app.QueryAsync(db => db.SupplierPayouts.AsNoTracking().Select(p => new { p.Id, p.Status }).ToListAsync());
        payouts.Select(p => (p.Id, p.Status.ToString())).ShouldBe(model.Payouts.Select(p => (p.Id, p.Status.ToString())), ignoreOrder: true, "supplier payouts");
    }

    /// <summary>No household was ever sent more than it was credited less what refunds took back (a failed payout is owed again).</summary>
    private async Task HouseholdsPaidWithinCreditsAsync()
    {
        var households = await app.QueryAsync(db => db.Database.SqlQuery<HouseholdFlows>($"""
            SELECT p.account AS account,
                   coalesce(-sum(p.amount_fen) FILTER (WHERE e.kind = 'Settlement'), 0)::bigint AS credited,
                   coalesce(sum(p.amount_fen) FILTER (WHERE e.kind = 'Refund'), 0)::bigint AS taken_back,
                   coalesce(sum(p.amount_fen) FILTER (WHERE e.kind IN ('DisbursementSent', 'DisbursementFailed')), 0)::bigint AS disbursed
            FROM postings p JOIN journal_entries e ON e.id = p.entry_id WHERE p.account LIKE 'household:%' GROUP BY p.account
            """).ToListAsync());
        foreach (var h in households)
        {
            h.TakenBack.ShouldBeInRange(0, h.Credited, $"{h.Account}: refunds take back at most what was credited");
            h.Disbursed.ShouldBeInRange(0, h.Credited - h.TakenBack, $"{h.Account}: disbursed at most what it was credited and kept");
        }
    }

    /// <summary>Every refund Stripe was asked for (once per idempotency key) is one the books hold: no money leaves unrecorded.</summary>
    private void StripeRefundsInTheBooks()
    {
        var invoices = model.Bills.Select(b => b.Id.ToString("D")).ToHashSet();
        var asked = app.Stripe.Requests.Where(r => r.Path == "/v1/refunds" && invoices.Contains(r.Form.GetValueOrDefault("metadata[invoice_id]") ?? ""))
            .GroupBy(r => r.IdempotencyKey).Sum(g => long.Parse(g.First().Form["amount"]));
        asked.ShouldBe(model.Bills.Sum(b => b.AskedOfStripe), "refunds asked of Stripe, against refunds through Stripe in the books");
    }

    private sealed record HouseholdFlows(string Account, long Credited, long TakenBack, long Disbursed);

    private async Task<long[]> LongsAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetInt64).ToArray();
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
