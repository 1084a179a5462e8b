using AidMarket.Domain.Catalog;
using AidMarket.Domain.Common;
using AidMarket.Domain.Procurement;
using AidMarket.Domain.Producers;

namespace AidMarket.Domain.Ledger;

/// <summary>What one accepted line earned and where its goods came from.</summary>
/// <param name="Lots">The lots the line shipped from; empty when nothing shipped with a lot.</param>
/// <param name="ShippedWithoutLot">Quantity shipped without a lot; its part goes to the supplier's linked households.</param>
public sealed record SettlementLine(Guid ProductId, Money Accepted, IReadOnlyList<ShippedFromLot> Lots, decimal ShippedWithoutLot = 0);

/// <summary>How much of a line shipped from one lot, and who supplied that lot.</summary>
public sealed record ShippedFromLot(Guid LotId, decimal Quantity, IReadOnlyList<LotContribution> Contributions);

/// <summary>A household linked to the supplier, with its link weight: used for goods shipped without a lot.</summary>
public sealed record LinkedHousehold(Guid HouseholdId, long Weight);

/// <summary>Everything the settlement of one supplier order needs, frozen at the time of settlement.</summary>
/// <param name="HouseholdSharePercent">The plan's share frozen on the order: 30.00 means 30%.</param>
/// <param name="PlatformFeeBasisPoints">Platform fee in hundredths of a percent: 150 means 1.5%.</param>
public sealed record SettlementRequest(
    Guid SupplierOrderId,
    Guid SupplierId,
    decimal HouseholdSharePercent,
    IReadOnlyList<SettlementLine> Lines,
    IReadOnlyList<LinkedHousehold> LinkedHouseholds,
    int PlatformFeeBasisPoints = 0)
{
    /// <summary>
    /// Gathers the request from an accepted order: the accepted amount per line, quantities per lot from its delivery notes, and
    /// the supplier's links that are confirmed and active on <paramref name="linksOn"/>.
    /// </summary>
    public static SettlementRequest For(
        SupplierOrder order,
        IReadOnlyList<Shipment> shipments,
        IReadOnlyList<ProductLot> lots,
        IReadOnlyList<BenefitLink> links,
        DateOnly linksOn,
        int platformFeeBasisPoints = 0)
    {
        if (order.Status != SupplierOrderStatus.Accepted)
            throw new DomainException("Settlement.NotAccepted", "Only an accepted order can be settled.");
        var shipped = shipments.Where(s => s.SupplierOrderId == order.Id).SelectMany(s => s.Lines).ToList();
        var lines = order.Lines.Where(l => l.Accepted > 0).Select(line =>
        {
            var ofLine = shipped.Where(s => s.ProductId == line.ProductId).ToList();
            var fromLots = ofLine.Where(s => s.LotId is not null).GroupBy(s => s.LotId!.Value).Select(g =>
            {
                var lot = lots.SingleOrDefault(l => l.Id == g.Key)
                          ?? throw new DomainException("Settlement.LotMissing", "A lot this order shipped from is missing.", g.Key);
                return new ShippedFromLot(g.Key, g.Sum(s => s.Quantity), lot.Contributions);
            }).ToList();
            return new SettlementLine(line.ProductId, line.Payable, fromLots, ofLine.Where(s => s.LotId is null).Sum(s => s.Quantity));
        }).ToList();
        var linked = links.Where(l => l.SupplierId == order.SupplierId && l.IsActiveOn(linksOn))
            .GroupBy(l => l.HouseholdId).Select(g => new LinkedHousehold(g.Key, g.Sum(l => (long)l.Weight))).ToList();
        return new SettlementRequest(order.Id, order.SupplierId, order.HouseholdSharePercent, lines, linked, platformFeeBasisPoints);
    }
}
