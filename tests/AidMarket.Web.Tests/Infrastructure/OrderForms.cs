namespace AidMarket.Web.Tests.Infrastructure;

/// <summary>The ordering forms as the buyer's and the supplier's people submit them: cart, approval, fulfilment, acceptance.</summary>
public static class OrderForms
{
    public static Task<HttpResponseMessage> AddToCartAsync(Browser purchaser, Guid productId, int quantity) =>
        purchaser.SubmitAsync($"/Products/{productId}", new Dictionary<string, string> { ["productId"] = productId.ToString(), ["quantity"] = quantity.ToString() },
            "/Buyer/Cart?handler=Add");

    /// <summary>Submits the cart; the answer redirects to the new purchase order (<see cref="Browser.RedirectId"/>) or shows why not.</summary>
    public static Task<HttpResponseMessage> SubmitCartAsync(Browser purchaser) =>
        purchaser.SubmitAsync("/Buyer/Cart", new Dictionary<string, string>
        {
            ["Input.Address"] = "广州市海珠区", ["Input.RequestedOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"),
        }, "/Buyer/Cart?handler=Submit");

    public static Task<HttpResponseMessage> ApproveAsync(Browser approver, Guid orderId) =>
        approver.SubmitAsync($"/Buyer/Orders/Details/{orderId}", new Dictionary<string, string>(), $"/Buyer/Orders/Details/{orderId}?handler=Approve");

    /// <summary>The supplier's Confirm, Ship or CloseRest on its order page.</summary>
    public static Task<HttpResponseMessage> FulfilAsync(Browser supplier, Guid supplierOrderId, string handler, IDictionary<string, string> fields) =>
        supplier.SubmitAsync($"/Supplier/Orders/Details/{supplierOrderId}", fields, $"/Supplier/Orders/Details/{supplierOrderId}?handler={handler}");

    /// <summary>The receiver's acceptance: Accepted[product], Rejected[product] and Reasons[product].</summary>
    public static Task<HttpResponseMessage> ReceiveAsync(Browser receiver, Guid supplierOrderId, IDictionary<string, string> fields) =>
        receiver.SubmitAsync($"/Buyer/Orders/Receive/{supplierOrderId}", fields);
}
