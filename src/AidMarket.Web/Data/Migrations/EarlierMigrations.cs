namespace AidMarket.Web.Data.Migrations;

/// <summary>A database made by migrations this version no longer has, which it cannot bring up to date itself.</summary>
public sealed class DatabaseTooOldException(string message) : Exception(message);

/// <summary>The nine migrations of 2026-11-23 that <see cref="Initial"/> replaced (decision note 022).</summary>
public static class EarlierMigrations
{
    public const string Initial = "20261203000000_Initial";

    public static readonly IReadOnlyList<string> Replaced =
    [
        "20261123010721_Initial", "20261123012429_StorefrontVersion", "20261123013514_ProductListsAsJsonColumns",
        "20261123022331_PaymentsAndLedger", "20261123024946_StripePayments", "20261123025118_HouseholdDisbursements",
        "20261123025848_SettlementDueIndex", "20261123035623_StripeConnectPayouts", "20261123044524_OrderLinesByValueConverter",
    ];

    /// <summary>
    /// A database made by all nine has Initial's schema: its history is rewritten to name Initial (true when this call did it).
    /// One made by only some of them is refused with what to do.
    /// </summary>
    public static async Task<bool> AdoptAsync(AidMarketDbContext db, CancellationToken ct)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        if (!applied.Intersect(Replaced).Any()) return false;
        if (applied.Count != Replaced.Count || !Replaced.All(applied.Contains))
            throw new DatabaseTooOldException($"This database was made by an earlier AidMarket and is not up to date (its last migration is {applied[^1]}). "
                + "Start it once with the AidMarket of 2026-11-23 to finish its migrations, or start afresh: delete the local data folder "
                + "(~/.local/share/aidmarket, or /var/lib/aidmarket as root) or drop the database.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE __ef_migrations_history IN EXCLUSIVE MODE", ct);
        var ids = Replaced.ToArray();
        var version = await db.Database.SqlQuery<string>($"SELECT max(product_version) AS \"Value\" FROM __ef_migrations_history").SingleAsync(ct);
        if (await db.Database.ExecuteSqlAsync($"DELETE FROM __ef_migrations_history WHERE migration_id = ANY({ids})", ct) == 0) return false;
        await db.Database.ExecuteSqlAsync($"INSERT INTO __ef_migrations_history (migration_id, product_version) VALUES ({Initial}, {version})", ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
