using AidMarket.Domain.Procurement;

namespace AidMarket.Web.Procurement;

/// <summary>A line as an ERP asks for it: a product by id, or by its code (the certificate number), and a quantity.</summary>
public sealed record RequestedLine(Guid? ProductId, string? Code, int Quantity);

/// <summary>An order sent through the buyer API, with its Idempotency-Key and the hash of its request body.</summary>
public sealed record ApiOrder(Guid BuyerOrganizationId, string SubmittedBy, string IdempotencyKey, string RequestHash, DeliveryDetails Delivery,
    IReadOnlyList<RequestedLine> Lines);

/// <summary>What became of an API order.</summary>
public abstract record ApiOrderOutcome
{
    /// <summary>Placed (or waiting for approval) by this request.</summary>
    public sealed record Placed(PurchaseOrder Order, IReadOnlyList<SupplierOrder> SupplierOrders) : ApiOrderOutcome;

    /// <summary>An earlier request with the same key and body placed it.</summary>
    public sealed record Repeated(Guid OrderId) : ApiOrderOutcome;

    /// <summary>The key was used before with another body; nothing was done.</summary>
    public sealed record KeyReused : ApiOrderOutcome;
}
