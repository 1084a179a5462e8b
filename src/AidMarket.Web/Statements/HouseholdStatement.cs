using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using AidMarket.Domain.Producers;
using AidMarket.Web.Ledger;

namespace AidMarket.Web.Statements;

/// <summary>明白卡: what a household was credited (and had reversed by refunds), what was paid out to it, and what it is still owed.</summary>
public sealed record HouseholdStatement(
    string MaskedName, string CardCode, string Village, string CountyName,
    IReadOnlyList<HouseholdStatement.Credit> Credits, IReadOnlyList<HouseholdStatement.Disbursement> Disbursements, Money Balance)
{
    public const int MaxRows = 500;

    /// <param name="Amount">Positive for a credit, negative for a refund that took part of it back.</param>
    public sealed record Credit(DateTimeOffset At, string? Supplier, string? ProductZh, string? ProductEn, Money Amount);

    public sealed record Disbursement(DateTimeOffset SentAt, Money Amount, DisbursementStatus Status, DateTimeOffset? SettledAt);

    public Money InTransit => new(Disbursements.Where(d => d.Status == DisbursementStatus.Pending).Sum(d => d.Amount.Fen));

    public static async Task<HouseholdStatement> ForAsync(AidMarketDbContext db, Household household, CancellationToken ct)
    {
        var account = LedgerAccount.Household(household.Id);
        JournalEntryKind[] earnings = [JournalEntryKind.Settlement, JournalEntryKind.Refund];
        var postings = await db.JournalEntries.AsNoTracking()
            .Where(e => earnings.Contains(e.Kind))
            .SelectMany(e => e.Postings.Where(p => p.Account == account).Select(p => new { e.OccurredAt, p.Amount, p.SupplierId, p.ProductId }))
            .OrderByDescending(p => p.OccurredAt).Take(MaxRows).ToListAsync(ct);
        var supplierIds = postings.Select(p => p.SupplierId).OfType<Guid>().Distinct().ToList();
        var productIds = postings.Select(p => p.ProductId).OfType<Guid>().Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.LegalName, ct);
        var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.NameZh, p.NameEn }, ct);
        var credits = postings.Select(p => new Credit(p.OccurredAt, p.SupplierId is { } s ? suppliers.GetValueOrDefault(s) : null,
            p.ProductId is { } z ? products.GetValueOrDefault(z)?.NameZh : null, p.ProductId is { } e ? products.GetValueOrDefault(e)?.NameEn : null,
            -p.Amount)).ToList();

        var disbursements = (await db.DisbursementBatches.AsNoTracking()
            .SelectMany(b => b.Lines.Where(l => l.HouseholdId == household.Id).Select(l => new { b.CreatedAt, l.Amount, l.Status, l.SettledAt }))
            .OrderByDescending(d => d.CreatedAt).Take(MaxRows).ToListAsync(ct))
            .Select(d => new Disbursement(d.CreatedAt, d.Amount, d.Status, d.SettledAt)).ToList();
        var county = await db.Counties.AsNoTracking().Where(c => c.Code == household.CountyCode).Select(c => c.Name).SingleAsync(ct);
        var balance = await PayableBalances.OfHouseholdAsync(db, household.Id, ct);
        return new HouseholdStatement(Household.MaskName(household.HeadName), household.CardCode, household.Village, county, credits, disbursements, balance);
    }
}
