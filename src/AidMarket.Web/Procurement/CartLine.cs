namespace AidMarket.Web.Procurement;

/// <summary>One product in a purchaser's cart; the cart spans suppliers and becomes one purchase order.</summary>
public class CartLine
{
    private CartLine() { UserId = ""; }

    public CartLine(string userId, Guid productId, int quantity)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        ProductId = productId;
        Quantity = quantity;
        AddedAt = DateTimeOffset.UtcNow;
    }

    public Guid Id { get; private set; }
    public string UserId { get; private set; }
    public Guid ProductId { get; private set; }
    public int Quantity { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }

    public void SetQuantity(int quantity)
    {
        if (quantity < 1) throw new DomainException("Order.Quantity", "Every quantity must be at least one.");
        Quantity = quantity;
    }
}
