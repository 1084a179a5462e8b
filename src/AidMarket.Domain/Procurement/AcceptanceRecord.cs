namespace AidMarket.Domain.Procurement;

public sealed record AcceptanceLine(Guid ProductId, string ProductName, string Unit, int Accepted, int Rejected, string? Reason);

/// <summary>验收单: what the buyer's receiver recorded on one occasion, kept for the printable acceptance form.</summary>
public class AcceptanceRecord
{
    private readonly List<AcceptanceLine> _lines = [];

    private AcceptanceRecord() { RecordedByUserId = ""; }

    public AcceptanceRecord(SupplierOrder order, string recordedByUserId, IReadOnlyList<AcceptanceLine> lines, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        SupplierOrderId = order.Id;
        BuyerOrganizationId = order.BuyerOrganizationId;
        SupplierId = order.SupplierId;
        RecordedByUserId = recordedByUserId;
        RecordedAt = now;
        _lines.AddRange(lines);
    }

    public Guid Id { get; private set; }
    public Guid SupplierOrderId { get; private set; }
    public Guid BuyerOrganizationId { get; private set; }
    public Guid SupplierId { get; private set; }
    public string RecordedByUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public IReadOnlyList<AcceptanceLine> Lines => _lines;
}
