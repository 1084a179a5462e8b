using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AidMarket.Domain.Procurement;
using AidMarket.Web.Catalog;
using AidMarket.Web.Input;
using AidMarket.Web.Procurement;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AidMarket.Web.Api;

/// <summary>
/// The buyer ERP API, /api/v1: search and read certified products, place an order (idempotent through the
/// Idempotency-Key header; OrderPlacement places it), read an order's status. Authenticated by API key; every id is checked
/// against the key's organization; errors are application/problem+json.
/// </summary>
public static class BuyerApi
{
    public const string Policy = "BuyerApi";
    public const string Tag = "Buyer API";

    public sealed record TierDto(int MinQuantity, decimal UnitPrice);
    public sealed record ProductDto(Guid Id, string Code, string Name, string? NameEn, string Category, string Supplier, string County, string Unit,
        string PackSize, int MinOrderQuantity, int Stock, IReadOnlyList<TierDto> Tiers, DateOnly CertificateExpiresOn);
    public sealed record OrderLineRequest(Guid? ProductId, string? Code, int Quantity);
    public sealed record OrderRequest(string? BuyerPoNumber, string? CostCenter, string DeliveryAddress, DateOnly RequestedDeliveryDate, string? Notes,
        IReadOnlyList<OrderLineRequest> Lines);
    public sealed record OrderLineDto(Guid ProductId, string Product, string Unit, int Quantity, decimal UnitPrice, decimal Amount);
    public sealed record SupplierOrderDto(Guid Id, Guid SupplierId, string Status, decimal Total, decimal Payable);
    public sealed record OrderDto(Guid Id, string Number, string Status, decimal Total, string? BuyerPoNumber, IReadOnlyList<OrderLineDto> Lines,
        IReadOnlyList<SupplierOrderDto> SupplierOrders)
    {
        public static OrderDto Of(PurchaseOrder o, IEnumerable<SupplierOrder> parts) =>
            new(o.Id, o.Number, o.Status.ToString(), o.Total.Yuan, o.Delivery.BuyerPoNumber.Length > 0 ? o.Delivery.BuyerPoNumber : null,
                o.Lines.Select(l => new OrderLineDto(l.ProductId, l.ProductName, l.Unit, l.Quantity, l.UnitPrice.Yuan, l.Total.Yuan)).ToList(),
                parts.OrderBy(s => s.Id).Select(s => new SupplierOrderDto(s.Id, s.SupplierId, s.Status.ToString(), s.Total.Yuan, s.Payable.Yuan)).ToList());
    }

    public static void MapBuyerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policy).WithTags(Tag).ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/products", SearchAsync).WithName("SearchProducts").ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Search certified products on sale").WithDescription($"{StorefrontQuery.PageSize} products a page, best match first; an empty query lists them all.");
        api.MapGet("/products/{id:guid}", GetProductAsync).WithName("GetProduct").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Read one certified product on sale").WithDescription("404 when no certified product on sale has this id.");
        api.MapPost("/orders", PlaceOrderAsync).WithName("PlaceOrder").Accepts<OrderRequest>("application/json").ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Place a purchase order").WithDescription("201 with the new order; 200 with the same order when retried with the same " +
                "Idempotency-Key and body. 400: no key or no lines. 422: a rule refused it (minimum quantity, stock, the key used with another body). " +
                "409: the data changed meanwhile, retry with the same key.");
        api.MapGet("/orders/{id:guid}", GetOrderAsync).WithName("GetOrder").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Read an order and its supplier orders").WithDescription("404 when your organization has no order with this id.");
        // Any other path or method under /api/v1 still needs a key (401 first), then is not found.
        api.Map("/{**rest}", () => Problem(StatusCodes.Status404NotFound, "Not found", "There is no such API operation.")).WithOrder(1).ExcludeFromDescription();
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static ProductDto ToDto(StorefrontRow r) => new(r.Product.Id, r.Product.CertificateNumber!, r.Product.NameZh, r.Product.NameEn, r.Product.Category,
        r.SupplierName, r.CountyName, r.Product.Unit, r.Product.PackSize, r.Product.MinOrderQuantity, r.Product.Stock,
        r.Product.TierPrices.Select(t => new TierDto(t.MinQuantity, t.UnitPrice.Yuan)).ToList(), r.Product.CertificateExpiresOn!.Value);

    private static async Task<Results<Ok<IReadOnlyList<ProductDto>>, ProblemHttpResult>> SearchAsync(AidMarketDbContext db, StorefrontCache cache,
        [Description("Words of the name, in Chinese or English")] string? q, [Description("A county code, such as 451029")] string? county,
        [Description("The page, from 1")] int? page, CancellationToken ct)
    {
        if (ControlCharacters.In(q) || ControlCharacters.In(county)) return BadText;
        var (rows, _) = await StorefrontQuery.SearchAsync(db, cache, new StorefrontFilter(q, county, null, null, null, false, StorefrontSort.Relevance, page ?? 1), [], Today, ct);
        return TypedResults.Ok<IReadOnlyList<ProductDto>>(rows.Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<ProductDto>, ProblemHttpResult>> GetProductAsync(AidMarketDbContext db, Guid id, CancellationToken ct) =>
        await StorefrontQuery.OnSale(db, Today).SingleOrDefaultAsync(r => r.Product.Id == id, ct) is { } row
            ? TypedResults.Ok(ToDto(row))
            : Problem(StatusCodes.Status404NotFound, "Not found", "No certified product on sale has this id.");

    private static async Task<Results<Ok<OrderDto>, ProblemHttpResult>> GetOrderAsync(AidMarketDbContext db, CurrentUser me, Guid id, CancellationToken ct) =>
        await OrderDtoAsync(db, me.OrganizationId!.Value, id, ct) is { } order
            ? TypedResults.Ok(order)
            : Problem(StatusCodes.Status404NotFound, "Not found", "Your organization has no order with this id.");

    private static async Task<Results<Created<OrderDto>, Ok<OrderDto>, ProblemHttpResult>> PlaceOrderAsync(AidMarketDbContext db, OrderPlacement placement,
        CurrentUser me, [FromHeader(Name = BuyerApiDocument.IdempotencyHeader)] string? idempotencyKey, HttpRequest http, CancellationToken ct)
    {
        var key = (idempotencyKey ?? "").Trim();
        if (key.Length is 0 or > 100 || ControlCharacters.In(key))
            return Problem(StatusCodes.Status400BadRequest, "Idempotency-Key required", "Send a unique Idempotency-Key header (at most 100 characters) with each new order; repeat it to retry safely.");
        if (await ApiJson.ReadAsync<OrderRequest>(http, ct) is not { } request)
            return Problem(StatusCodes.Status400BadRequest, "Malformed body", ApiJson.Expected);
        if (request.Lines is null || request.Lines.Count == 0 || request.Lines.Any(l => l is null || (l.ProductId is null && string.IsNullOrWhiteSpace(l.Code))))
            return Problem(StatusCodes.Status400BadRequest, "Bad lines", "An order needs at least one line, each with a productId or a code and a quantity.");
        var org = me.OrganizationId!.Value;
        var order = new ApiOrder(org, me.UserId!, key, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request)))),
            new DeliveryDetails(request.BuyerPoNumber ?? "", request.CostCenter ?? "", request.DeliveryAddress ?? "", request.RequestedDeliveryDate, request.Notes ?? ""),
            request.Lines.Select(l => new RequestedLine(l.ProductId, l.Code, l.Quantity)).ToList());
        try
        {
            switch (await placement.SubmitAsync(order, DateTimeOffset.UtcNow, ct))
            {
                case ApiOrderOutcome.Placed placed:
                    return TypedResults.Created($"/api/v1/orders/{placed.Order.Id}", OrderDto.Of(placed.Order, placed.SupplierOrders));
                case ApiOrderOutcome.Repeated repeated:
                    return TypedResults.Ok((await OrderDtoAsync(db, org, repeated.OrderId, ct))!);
                default:
                    return Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused", "This Idempotency-Key was already used with a different request body.");
            }
        }
        catch (DomainException ex) // nothing was kept and the key is free again: a corrected retry may use it
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, ex.Code, ex.Message);
        }
        // A constraint refused a row written at the same time, or PostgreSQL gave up a transaction that waited on another.
        catch (PostgresException ex) when (ex.SqlState.StartsWith("23") || ex.SqlState.StartsWith("40"))
        {
            return Problem(StatusCodes.Status409Conflict, "Conflict", "The data changed while the order was placed; nothing was saved. Retry with the same Idempotency-Key.");
        }
    }

    private static async Task<OrderDto?> OrderDtoAsync(AidMarketDbContext db, Guid org, Guid id, CancellationToken ct)
    {
        if (await db.PurchaseOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.BuyerOrganizationId == org, ct) is not { } o) return null;
        return OrderDto.Of(o, await db.SupplierOrders.AsNoTracking().Where(s => s.OrderId == id).ToListAsync(ct));
    }

    private static ProblemHttpResult BadText => Problem(StatusCodes.Status400BadRequest, "Control characters", "Search text cannot contain control characters.");

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
