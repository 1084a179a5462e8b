using AidMarket.Domain.Common;

namespace AidMarket.Domain.Catalog;

/// <summary>How much raw produce one household supplied to a lot; income from the lot is split by these quantities.</summary>
public sealed record LotContribution(Guid HouseholdId, decimal Quantity);

/// <summary>批次: a harvest or production lot of a product, with the households who supplied it.</summary>
public class ProductLot
{
    private readonly List<LotContribution> _contributions = [];

    private ProductLot() { LotCode = ""; }

    public ProductLot(Guid productId, Guid supplierId, string lotCode, DateOnly producedOn, IReadOnlyList<LotContribution> contributions, DateTimeOffset now) : this()
    {
        if (string.IsNullOrWhiteSpace(lotCode)) throw new DomainException("Lot.CodeRequired", "Enter the lot number.");
        if (contributions.Count == 0) throw new DomainException("Lot.NoHouseholds", "A lot needs at least one household who supplied it.");
        if (contributions.Any(c => c.Quantity <= 0)) throw new DomainException("Lot.Quantity", "Each household's quantity must be greater than zero.");
        try { _ = contributions.Sum(c => c.Quantity); } // the lot's total must be a number, or every page showing it fails
        catch (OverflowException) { throw new DomainException("Lot.QuantityTooLarge", "The quantities are too large."); }
        if (contributions.Select(c => c.HouseholdId).Distinct().Count() != contributions.Count)
            throw new DomainException("Lot.HouseholdTwice", "Each household appears once in a lot.");
        Id = Guid.CreateVersion7();
        ProductId = productId;
        SupplierId = supplierId;
        LotCode = lotCode.Trim();
        ProducedOn = producedOn;
        CreatedAt = now;
        _contributions.AddRange(contributions);
    }

    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid SupplierId { get; private set; }
    public string LotCode { get; private set; }
    public DateOnly ProducedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<LotContribution> Contributions => _contributions;
    public decimal TotalQuantity => _contributions.Sum(c => c.Quantity);
}
