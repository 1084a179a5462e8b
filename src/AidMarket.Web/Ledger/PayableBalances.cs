using AidMarket.Domain.Ledger;

namespace AidMarket.Web.Ledger;

/// <summary>
/// What the ledger owes households and suppliers, summed by PostgreSQL over the postings index (never loaded into memory).
/// A payable's balance is its credit balance: minus the sum of its signed postings.
/// </summary>
public static class PayableBalances
{
    /// <summary>Households of the county that are owed money, by household id.</summary>
    public static Task<Dictionary<Guid, Money>> OfCountyHouseholdsAsync(AidMarketDbContext db, string countyCode, CancellationToken ct) =>
        QueryAsync(db, $"""
            SELECT h.id, -sum(p.amount_fen)::bigint FROM households h JOIN postings p ON p.account = '{LedgerAccount.HouseholdPrefix}' || h.id::text
            WHERE h.county_code = $1 GROUP BY h.id HAVING sum(p.amount_fen) < 0
            """, countyCode, ct);

    /// <summary>Suppliers that are owed money, by supplier id.</summary>
    public static Task<Dictionary<Guid, Money>> OfSuppliersAsync(AidMarketDbContext db, CancellationToken ct) =>
        QueryAsync(db, $"""
            SELECT s.id, -sum(p.amount_fen)::bigint FROM suppliers s JOIN postings p ON p.account = '{LedgerAccount.SupplierPrefix}' || s.id::text
            GROUP BY s.id HAVING sum(p.amount_fen) < 0
            """, null, ct);

    /// <summary>One household's balance: what the platform still owes it.</summary>
    public static async Task<Money> OfHouseholdAsync(AidMarketDbContext db, Guid householdId, CancellationToken ct) =>
        (await QueryAsync(db, $"""
            SELECT $1::uuid, coalesce(-sum(amount_fen), 0)::bigint FROM postings WHERE account = '{LedgerAccount.HouseholdPrefix}' || $1
            """, householdId.ToString("D"), ct)).Values.Single();

    /// <summary>These households' balances (those with postings), by household id.</summary>
    public static Task<Dictionary<Guid, Money>> OfHouseholdsAsync(AidMarketDbContext db, IEnumerable<Guid> householdIds, CancellationToken ct) =>
        QueryAsync(db, $"""
            SELECT substr(account, length('{LedgerAccount.HouseholdPrefix}') + 1)::uuid, -sum(amount_fen)::bigint FROM postings WHERE account = ANY($1) GROUP BY account
            """, householdIds.Select(id => LedgerAccount.Household(id).ToString()).Distinct().ToArray(), ct);

    /// <summary>
    /// Locks the county's households until the transaction ends, so two batches (or a batch and a refund that takes back a
    /// household's part) never pay out the same balance twice.
    /// </summary>
    public static Task LockCountyHouseholdsAsync(AidMarketDbContext db, string countyCode, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT 1 FROM households WHERE county_code = {countyCode} ORDER BY id FOR UPDATE", ct);

    /// <summary>Serializes supplier payout batches: the second waits and then sees the first one's debits.</summary>
    public static Task LockSupplierPayoutsAsync(AidMarketDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('aidmarket:supplier-payouts'))", ct);

    private static Task<Dictionary<Guid, Money>> QueryAsync(AidMarketDbContext db, string sql, object? parameter, CancellationToken ct) =>
        db.OnConnectionAsync(async (connection, transaction) =>
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection, transaction);
            if (parameter is not null) command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = parameter });
            await using var reader = await command.ExecuteReaderAsync(ct);
            var balances = new Dictionary<Guid, Money>();
            while (await reader.ReadAsync(ct)) balances[reader.GetGuid(0)] = new Money(reader.GetInt64(1));
            return balances;
        }, ct);
}
