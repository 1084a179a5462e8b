namespace AidMarket.Web.Auditing;

/// <summary>
/// An ID number that a household of another county already holds (ID numbers are unique across the platform): the officer is
/// told only to contact the platform, never which county or household, and the attempt is audited in the officer's county
/// with the holding household's id, so the platform can follow it up. Decision note 024.
/// </summary>
public static class IdNumberElsewhere
{
    public const string AuditAction = "Audit.IdNumberElsewhere";
    public const string ImportError = "Import.IdNumberContactPlatform";
    public const string Message = "This ID number cannot be registered here. Please contact the platform.";

    public sealed record Holder(Guid HouseholdId, string CountyCode);

    /// <summary>The households holding these ID lookups, by lookup; <paramref name="except"/> is the household being edited.</summary>
    public static async Task<Dictionary<string, Holder>> HoldersAsync(AidMarketDbContext db, IReadOnlyCollection<string> lookups, Guid? except,
        CancellationToken ct)
    {
        var holders = new Dictionary<string, Holder>();
        foreach (var chunk in lookups.Distinct().Chunk(2000))
            foreach (var h in await db.Households.Where(h => chunk.Contains(h.IdNumberLookup) && h.Id != except)
                         .Select(h => new { h.IdNumberLookup, h.Id, h.CountyCode }).ToListAsync(ct))
                holders[h.IdNumberLookup] = new Holder(h.Id, h.CountyCode);
        return holders;
    }

    /// <summary>Records the refused attempt; the caller saves.</summary>
    public static void Audit(AidMarketDbContext db, CurrentUser who, string officersCounty, Holder holder) =>
        db.Audit(AuditEntry.Record(who, AuditAction, "Household", holder.HouseholdId, officersCounty));
}
