namespace AidMarket.Domain.Procurement;

/// <summary>One line of a delivery note: how much of a product, and the production lot it comes from.</summary>
public sealed record ShipmentLine(Guid ProductId, string ProductName, string Unit, int Quantity, Guid? LotId, string? LotCode);

/// <summary>
/// 发货单: a delivery of part or all of a supplier order, numbered after its purchase order, the supplier order's part of it
/// (A, B, … by supplier) and its place among that part's deliveries: DN-20261123-000001-B-2.
/// </summary>
public class Shipment
{
    private readonly List<ShipmentLine> _lines = [];

    private Shipment() { Number = ""; }

    internal Shipment(SupplierOrder order, int part, int sequence, IReadOnlyList<ShipmentLine> lines, string? carrier, string? trackingNumber, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(part, 1);
        Id = Guid.CreateVersion7();
        SupplierOrderId = order.Id;
        SupplierId = order.SupplierId;
        BuyerOrganizationId = order.BuyerOrganizationId;
        Number = $"DN{order.OrderNumber[2..]}-{(part <= 26 ? ((char)('A' + part - 1)).ToString() : part.ToString())}-{sequence}";
        Carrier = string.IsNullOrWhiteSpace(carrier) ? null : carrier.Trim();
        TrackingNumber = string.IsNullOrWhiteSpace(trackingNumber) ? null : trackingNumber.Trim();
        ShippedAt = now;
        _lines.AddRange(lines);
    }

    public Guid Id { get; private set; }
    public Guid SupplierOrderId { get; private set; }
    public Guid SupplierId { get; private set; }
    public Guid BuyerOrganizationId { get; private set; }
    public string Number { get; private set; }
    public string? Carrier { get; private set; }
    public string? TrackingNumber { get; private set; }
    public DateTimeOffset ShippedAt { get; private set; }
    public IReadOnlyList<ShipmentLine> Lines => _lines;
}
