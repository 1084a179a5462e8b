using AidMarket.Domain.Common;

namespace AidMarket.Domain.Procurement;

public enum LineStatus { Pending, Confirmed, Declined }

/// <summary>One product of a supplier order and what has happened to it: confirmed or declined, shipped, accepted or rejected.</summary>
public sealed class SupplierOrderLine
{
    private SupplierOrderLine() { ProductName = Unit = ""; }

    internal SupplierOrderLine(OrderLine line)
    {
        ProductId = line.ProductId;
        ProductName = line.ProductName;
        Unit = line.Unit;
        Quantity = line.Quantity;
        UnitPrice = line.UnitPrice;
    }

    public Guid ProductId { get; private set; }
    public string ProductName { get; private set; }
    public string Unit { get; private set; }
    public int Quantity { get; private set; }
    public Money UnitPrice { get; private set; }
    public LineStatus Status { get; private set; }
    public string? DeclineReason { get; private set; }
    public int Shipped { get; private set; }
    /// <summary>Confirmed but closed unshipped: its stock went back.</summary>
    public int Closed { get; private set; }
    public int Accepted { get; private set; }
    public int Rejected { get; private set; }
    public string? RejectReason { get; private set; }

    /// <summary>Confirmed but not yet shipped.</summary>
    public int LeftToShip => Status == LineStatus.Confirmed ? Quantity - Shipped - Closed : 0;
    /// <summary>Shipped but not yet accepted or rejected by the buyer.</summary>
    public int AwaitingAcceptance => Shipped - Accepted - Rejected;
    public Money Total => UnitPrice * Quantity;
    public Money Payable => UnitPrice * Accepted;

    internal void Decide(string? declineReason)
    {
        if (declineReason is null) Status = LineStatus.Confirmed;
        else
        {
            Status = LineStatus.Declined;
            DeclineReason = string.IsNullOrWhiteSpace(declineReason)
                ? throw new DomainException("Review.ReasonRequired", "Please give a reason.") : declineReason.Trim();
        }
    }

    internal void Ship(int quantity)
    {
        if (quantity <= 0 || quantity > LeftToShip)
            throw new DomainException("Shipment.Quantity", $"At most {LeftToShip} {Unit} of {ProductName} can still be shipped.", LeftToShip, Unit, ProductName);
        Shipped += quantity;
    }

    internal int CloseRest()
    {
        var rest = LeftToShip;
        Closed += rest;
        return rest;
    }

    internal void Receive(int accepted, int rejected, string? reason)
    {
        if (accepted < 0 || rejected < 0 || accepted + rejected > AwaitingAcceptance)
            throw new DomainException("Acceptance.Quantity", $"At most {AwaitingAcceptance} {Unit} of {ProductName} await acceptance.", AwaitingAcceptance, Unit, ProductName);
        if (rejected > 0 && string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Acceptance.ReasonRequired", "Give the reason for what is rejected.");
        Accepted += accepted;
        Rejected += rejected;
        if (rejected > 0) RejectReason = reason!.Trim();
    }
}
