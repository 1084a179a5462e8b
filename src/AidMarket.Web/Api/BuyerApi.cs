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

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A retry waits here for the first request with the same key to finish, then finds its row.
        var claim = await ClaimAsync(db, org, key, requestHash, request.Lines, now, ct);
        if (claim.Header is null)
        {
            var earlier = await db.ApiIdempotencies.AsNoTracking().SingleAsync(i => i.OrganizationId == org && i.Key == key, ct);
            await tx.RollbackAsync(ct);
            if (earlier.RequestHash != requestHash)
                return Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused", "This Idempotency-Key was already used with a different request body.");
            return TypedResults.Ok((await OrderDtoAsync(db, org, earlier.OrderId!.Value, ct))!);
        }
        try
        {
            var (order, parts) = await OrderPlacement.SubmitAsync(db, claim.Header, org, me.UserId!,
                new DeliveryDetails(request.BuyerPoNumber ?? "", request.CostCenter ?? "", request.DeliveryAddress ?? "", request.RequestedDeliveryDate, request.Notes ?? ""),
                Price(request.Lines, claim.Products), now, ct);
            await tx.CommitAsync(ct);
            return TypedResults.Created($"/api/v1/orders/{order.Id}", OrderDto.Of(order, parts));
        }
        catch (DomainException ex)
        {
            await tx.RollbackAsync(ct); // the key is free again: a corrected retry may use it
            return Problem(StatusCodes.Status422UnprocessableEntity, ex.Code, ex.Message);
        }
        // A constraint refused a row written at the same time, or PostgreSQL gave up a transaction that waited on another.
        catch (PostgresException ex) when (ex.SqlState.StartsWith("23") || ex.SqlState.StartsWith("40"))
        {
            await tx.RollbackAsync(ct);
            return Problem(StatusCodes.Status409Conflict, "Conflict", "The data changed while the order was placed; nothing was saved. Retry with the same Idempotency-Key.");
        }
    }

    /// <summary>What pricing reads of a requested product: only these columns, not whole products.</summary>
    private sealed record PriceRow(Guid Id, Guid SupplierId, string NameZh, string Unit, int MinOrderQuantity, int Stock, string? Code,
        IReadOnlyList<AidMarket.Domain.Catalog.TierPrice> Tiers);

    /// <summary>The key claimed (with the order's header) or not (null header: an earlier request has it), and the products priced.</summary>
    private sealed record Claim(OrderPlacement.Header? Header, IReadOnlyList<PriceRow> Products);

    /// <summary>
    /// One round trip of two statements: claims the key for the order about to be placed (its row commits with the order, or not
    /// at all), reading the buyer's approval threshold and taking the order number with it; then reads the requested products that
    /// are on sale with their suppliers' plans. Statements of this transaction use generic plans: planning the pricing join cost
    /// more than running it.
    /// </summary>
    private static Task<Claim> ClaimAsync(AidMarketDbContext db, Guid org, string key, string requestHash, IReadOnlyList<OrderLineRequest> requested,
        DateTimeOffset now, CancellationToken ct) =>
        db.OnConnectionAsync(async (connection, transaction) =>
        {
            var ids = requested.Where(r => r.ProductId is not null).Select(r => r.ProductId!.Value).ToArray();
            var codes = requested.Where(r => r.ProductId is null && r.Code is not null).Select(r => r.Code!.ToUpperInvariant()).ToArray();
            var orderId = Guid.CreateVersion7();
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL plan_cache_mode = force_generic_plan"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
                WITH claimed AS (
                    INSERT INTO api_idempotencies (organization_id, key, request_hash, created_at, order_id) VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT DO NOTHING RETURNING 1)
                SELECT EXISTS (SELECT FROM claimed), approval_threshold_fen, {OrderPlacement.NextNumber}
                FROM organizations WHERE id = $1
                """) { Parameters = { new() { Value = org }, new() { Value = key }, new() { Value = requestHash }, new() { Value = now }, new() { Value = orderId } } });
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
                SELECT p.id, p.supplier_id, p.name_zh, p.unit, p.min_order_quantity, p.stock, p.certificate_number, p.tier_prices,
                       b.id, b.household_share_percent
                FROM products p JOIN suppliers s ON s.id = p.supplier_id
                LEFT JOIN benefit_plans b ON b.supplier_id = p.supplier_id AND b.status = '{nameof(AidMarket.Domain.Producers.BenefitPlanStatus.Approved)}'
                WHERE (p.id = ANY($1) OR p.certificate_number = ANY($2)) AND {OrderPlacement.OrderableSql(3)}
                """) { Parameters = { new() { Value = ids }, new() { Value = codes }, new() { Value = DateOnly.FromDateTime(now.UtcDateTime) } } });
            var tiers = db.Model.FindEntityType(typeof(AidMarket.Domain.Catalog.Product))!.FindProperty("_tiers")!.GetTypeMapping().Converter!;
            await using var reader = await batch.ExecuteReaderAsync(ct); // on the first result with columns: the claim
            await reader.ReadAsync(ct);
            var (claimed, threshold, next) = (reader.GetBoolean(0), reader.GetInt64(1), reader.GetInt64(2));
            await reader.NextResultAsync(ct);
            var products = new List<PriceRow>();
            var plans = new Dictionary<Guid, PlanAtPlacement>();
            while (await reader.ReadAsync(ct))
            {
                var row = new PriceRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), (List<AidMarket.Domain.Catalog.TierPrice>)tiers.ConvertFromProvider(reader.GetString(7))!);
                products.Add(row);
                if (!reader.IsDBNull(8)) plans[row.SupplierId] = new PlanAtPlacement(reader.GetGuid(8), reader.GetDecimal(9));
            }
            await reader.CloseAsync();
            var header = claimed ? new OrderPlacement.Header(orderId, OrderPlacement.Number(now, next), threshold, plans) : null;
            return new Claim(header, products);
        }, ct);

    /// <summary>
    /// Prices the requested lines at today's tiers; every product must be on sale and ordered at least at its minimum, and there
    /// must be enough stock (as in the cart: the reservation itself happens at placement).
    /// </summary>
    private static List<OrderLine> Price(IReadOnlyList<OrderLineRequest> requested, IReadOnlyList<PriceRow> rows) =>
        requested.Select(r =>
        {
            var row = rows.SingleOrDefault(x => x.Id == r.ProductId || (r.ProductId is null && x.Code == r.Code?.ToUpperInvariant()))
                ?? throw new DomainException("Order.NotOrderable", $"{r.ProductId?.ToString() ?? r.Code} is not a certified product on sale.", r.ProductId?.ToString() ?? r.Code ?? "");
            if (r.Quantity < row.MinOrderQuantity)
                throw new DomainException("Cart.BelowMinimum", $"The minimum order of {row.NameZh} is {row.MinOrderQuantity} {row.Unit}.");
            if (r.Quantity > row.Stock)
                throw new DomainException("Order.NotEnoughStock", $"Not enough stock of {row.NameZh}: {row.Stock} {row.Unit} left.");
            return new OrderLine(row.Id, row.SupplierId, row.NameZh, row.Unit, r.Quantity, AidMarket.Domain.Catalog.Product.PriceFor(row.Tiers, r.Quantity).Fen);
        }).ToList();

    private static async Task<OrderDto?> OrderDtoAsync(AidMarketDbContext db, Guid org, Guid id, CancellationToken ct)
    {
        if (await db.PurchaseOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.BuyerOrganizationId == org, ct) is not { } o) return null;
        return OrderDto.Of(o, await db.SupplierOrders.AsNoTracking().Where(s => s.OrderId == id).ToListAsync(ct));
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
