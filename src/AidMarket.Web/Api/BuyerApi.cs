using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AidMarket.Domain.Procurement;
using AidMarket.Web.Catalog;
using AidMarket.Web.Procurement;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AidMarket.Web.Api;

/// <summary>
/// The buyer ERP API, /api/v1: search and read certified products, place an order (idempotent through the
/// Idempotency-Key header), read an order's status. Authenticated by API key; every id is checked against the key's
/// organization; errors are application/problem+json.
/// </summary>
public static class BuyerApi
{
    public const string Policy = "BuyerApi";

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
                o.Lines.Select(l => new OrderLineDto(l.ProductId, l.ProductName, l.Unit, l.Quantity, new Money(l.UnitPriceFen).Yuan, l.Total.Yuan)).ToList(),
                parts.OrderBy(s => s.Id).Select(s => new SupplierOrderDto(s.Id, s.SupplierId, s.Status.ToString(), s.Total.Yuan, s.Payable.Yuan)).ToList());
    }

    public static void MapBuyerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policy).WithTags("Buyer API");
        api.MapGet("/products", SearchAsync).WithName("SearchProducts");
        api.MapGet("/products/{id:guid}", GetProductAsync).WithName("GetProduct");
        api.MapPost("/orders", PlaceOrderAsync).WithName("PlaceOrder");
        api.MapGet("/orders/{id:guid}", GetOrderAsync).WithName("GetOrder");
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static ProductDto ToDto(StorefrontRow r) => new(r.Product.Id, r.Product.CertificateNumber!, r.Product.NameZh, r.Product.NameEn, r.Product.Category,
        r.SupplierName, r.CountyName, r.Product.Unit, r.Product.PackSize, r.Product.MinOrderQuantity, r.Product.Stock,
        r.Product.TierPrices.Select(t => new TierDto(t.MinQuantity, t.UnitPrice.Yuan)).ToList(), r.Product.CertificateExpiresOn!.Value);

    private static async Task<Ok<IReadOnlyList<ProductDto>>> SearchAsync(AidMarketDbContext db, StorefrontCache cache, string? q, string? county, int? page, CancellationToken ct)
    {
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

    private static async Task<Results<Created<OrderDto>, Ok<OrderDto>, ProblemHttpResult>> PlaceOrderAsync(AidMarketDbContext db, CurrentUser me,
        HttpRequest http, OrderRequest request, CancellationToken ct)
    {
        var key = http.Headers["Idempotency-Key"].ToString().Trim();
        if (key.Length is 0 or > 100)
            return Problem(StatusCodes.Status400BadRequest, "Idempotency-Key required", "Send a unique Idempotency-Key header (at most 100 characters) with each new order; repeat it to retry safely.");
        if (request.Lines is null || request.Lines.Count == 0 || request.Lines.Any(l => l is null || (l.ProductId is null && string.IsNullOrWhiteSpace(l.Code))))
            return Problem(StatusCodes.Status400BadRequest, "Bad lines", "An order needs at least one line, each with a productId or a code and a quantity.");
        var org = me.OrganizationId!.Value;
        var requestHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));
        var now = DateTimeOffset.UtcNow;

        // Priced before the key is claimed (it only reads), so the claim can bring the suppliers' plans along. A refusal is
        // answered only after the claim: a retry of an order that was placed gets that order, even if it could not be priced now.
        IReadOnlyList<OrderLine> lines = [];
        DomainException? unpriceable = null;
        try
        {
            lines = await PriceAsync(db, request.Lines, ct);
        }
        catch (DomainException ex)
        {
            unpriceable = ex;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A retry waits here for the first request with the same key to finish, then finds its row.
        var claim = await ClaimKeyAsync(db, org, key, requestHash, lines.Select(l => l.SupplierId).Distinct().ToArray(), now, ct);
        if (claim is not null && unpriceable is not null)
        {
            await tx.RollbackAsync(ct); // the key is free again: a corrected retry may use it
            return Problem(StatusCodes.Status422UnprocessableEntity, unpriceable.Code, unpriceable.Message);
        }
        if (claim is null)
        {
            var earlier = await db.ApiIdempotencies.AsNoTracking().SingleAsync(i => i.OrganizationId == org && i.Key == key, ct);
            await tx.RollbackAsync(ct);
            if (earlier.RequestHash != requestHash)
                return Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused", "This Idempotency-Key was already used with a different request body.");
            return TypedResults.Ok((await OrderDtoAsync(db, org, earlier.OrderId!.Value, ct))!);
        }
        try
        {
            var order = await OrderPlacement.SubmitAsync(db, claim, org, me.UserId!,
                new DeliveryDetails(request.BuyerPoNumber ?? "", request.CostCenter ?? "", request.DeliveryAddress ?? "", request.RequestedDeliveryDate, request.Notes ?? ""),
                lines, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return TypedResults.Created($"/api/v1/orders/{order.Id}", OrderDto.Of(order, db.SupplierOrders.Local.Where(s => s.OrderId == order.Id)));
        }
        catch (DomainException ex)
        {
            await tx.RollbackAsync(ct); // the key is free again: a corrected retry may use it
            return Problem(StatusCodes.Status422UnprocessableEntity, ex.Code, ex.Message);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            return Problem(StatusCodes.Status409Conflict, "Conflict", "The data changed while the order was placed; nothing was saved. Retry with the same Idempotency-Key.");
        }
    }

    /// <summary>
    /// One round trip: claims the key for the order about to be placed (its row commits with the order, or not at all), reads the
    /// buyer's approval threshold and the suppliers' plans, and takes the order number. Null when the key is already taken.
    /// </summary>
    private static Task<OrderPlacement.Header?> ClaimKeyAsync(AidMarketDbContext db, Guid org, string key, string requestHash, Guid[] supplierIds,
        DateTimeOffset now, CancellationToken ct) =>
        db.OnConnectionAsync(async (connection, transaction) =>
        {
            var orderId = Guid.CreateVersion7();
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                INSERT INTO api_idempotencies (organization_id, key, request_hash, created_at, order_id) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT DO NOTHING
                """) { Parameters = { new() { Value = org }, new() { Value = key }, new() { Value = requestHash }, new() { Value = now }, new() { Value = orderId } } });
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT approval_threshold_fen FROM organizations WHERE id = $1") { Parameters = { new() { Value = org } } });
            batch.BatchCommands.Add(new NpgsqlBatchCommand(OrderPlacement.NextNumberSql));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(OrderPlacement.PlansSql) { Parameters = { new() { Value = supplierIds } } });
            await using var reader = await batch.ExecuteReaderAsync(ct); // on the first result with columns: the threshold
            await reader.ReadAsync(ct);
            var threshold = reader.GetInt64(0);
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            var next = reader.GetInt64(0);
            await reader.NextResultAsync(ct);
            var plans = await OrderPlacement.ReadPlansAsync(reader, ct);
            await reader.CloseAsync();
            return batch.BatchCommands[0].RecordsAffected == 0 ? null : new OrderPlacement.Header(orderId, OrderPlacement.Number(now, next), threshold, plans);
        }, ct);

    /// <summary>
    /// Prices the requested lines at today's tiers; every product must be on sale and ordered at least at its minimum. Reads only
    /// what pricing needs, not whole products.
    /// </summary>
    private static async Task<IReadOnlyList<OrderLine>> PriceAsync(AidMarketDbContext db, IReadOnlyList<OrderLineRequest> requested, CancellationToken ct)
    {
        var ids = requested.Where(r => r.ProductId is not null).Select(r => r.ProductId!.Value).ToList();
        var codes = requested.Where(r => r.ProductId is null && r.Code is not null).Select(r => r.Code!.ToUpperInvariant()).ToList();
        var rows = await StorefrontQuery.OnSale(db, Today).Where(r => ids.Contains(r.Product.Id) || codes.Contains(r.Product.CertificateNumber!))
            .Select(r => new
            {
                r.Product.Id, r.SupplierId, r.Product.NameZh, r.Product.Unit, r.Product.MinOrderQuantity, r.Product.Stock, r.Product.CertificateNumber,
                Tiers = EF.Property<List<AidMarket.Domain.Catalog.TierPrice>>(r.Product, "_tiers"),
            })
            .ToListAsync(ct);
        return requested.Select(r =>
        {
            var row = rows.SingleOrDefault(x => x.Id == r.ProductId || (r.ProductId is null && x.CertificateNumber == r.Code?.ToUpperInvariant()))
                ?? throw new DomainException("Order.NotOrderable", $"{r.ProductId?.ToString() ?? r.Code} is not a certified product on sale.", r.ProductId?.ToString() ?? r.Code ?? "");
            if (r.Quantity < row.MinOrderQuantity)
                throw new DomainException("Cart.BelowMinimum", $"The minimum order of {row.NameZh} is {row.MinOrderQuantity} {row.Unit}.");
            if (r.Quantity > row.Stock) // as in the cart; the reservation itself happens at placement
                throw new DomainException("Order.NotEnoughStock", $"Not enough stock of {row.NameZh}: {row.Stock} {row.Unit} left.");
            return new OrderLine(row.Id, row.SupplierId, row.NameZh, row.Unit, r.Quantity, AidMarket.Domain.Catalog.Product.PriceFor(row.Tiers, r.Quantity).Fen);
        }).ToList();
    }

    private static async Task<OrderDto?> OrderDtoAsync(AidMarketDbContext db, Guid org, Guid id, CancellationToken ct)
    {
        if (await db.PurchaseOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.BuyerOrganizationId == org, ct) is not { } o) return null;
        return OrderDto.Of(o, await db.SupplierOrders.AsNoTracking().Where(s => s.OrderId == id).ToListAsync(ct));
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
