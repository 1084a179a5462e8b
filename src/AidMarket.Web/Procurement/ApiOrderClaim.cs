using AidMarket.Domain.Catalog;
using AidMarket.Domain.Procurement;
using AidMarket.Domain.Producers;
using AidMarket.Web.Catalog;
using Npgsql;

namespace AidMarket.Web.Procurement;

/// <summary>
/// The first round trip of an API order (decision notes 017, 018): claims the Idempotency-Key, reads the buyer's threshold, takes
/// the order number and reads the requested products on sale with their suppliers' plans. Then quotes the lines from them.
/// </summary>
internal sealed class ApiOrderClaim
{
    private readonly List<(Offer Offer, string? Code)> _offers = [];

    /// <summary>The claimed order's header, or null when an earlier request holds the key.</summary>
    public OrderPlacement.Header? Header { get; private set; }

    /// <summary>The requested lines quoted at today's tiers; the first that cannot be ordered is refused (Order.NotOrderable, ...).</summary>
    public IReadOnlyList<OrderLine> Quote(IReadOnlyList<RequestedLine> requested) => requested.Select(r =>
    {
        var offer = _offers.SingleOrDefault(o => o.Offer.ProductId == r.ProductId || (r.ProductId is null && o.Code == r.Code?.ToUpperInvariant())).Offer;
        return LineQuote.For(offer, r.Quantity).Accepted(r.ProductId?.ToString() ?? r.Code ?? "");
    }).ToList();

    /// <summary>
    /// One round trip of two statements: claims the key for the order about to be placed (its row commits with the order, or not
    /// at all), reading the threshold and taking the order number with it; then reads the requested products on sale with their
    /// suppliers' plans. Statements of this transaction use generic plans: planning the pricing join cost more than running it.
    /// </summary>
    public static Task<ApiOrderClaim> ClaimAsync(AidMarketDbContext db, ApiOrder order, DateTimeOffset now, CancellationToken ct) =>
        db.OnConnectionAsync(async (connection, transaction) =>
        {
            var ids = order.Lines.Where(r => r.ProductId is not null).Select(r => r.ProductId!.Value).ToArray();
            var codes = order.Lines.Where(r => r.ProductId is null && r.Code is not null).Select(r => r.Code!.ToUpperInvariant()).ToArray();
            var orderId = Guid.CreateVersion7();
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL plan_cache_mode = force_generic_plan"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(ClaimSql)
            {
                Parameters =
                {
                    new() { Value = order.BuyerOrganizationId }, new() { Value = order.IdempotencyKey }, new() { Value = order.RequestHash },
                    new() { Value = now }, new() { Value = orderId },
                },
            });
            batch.BatchCommands.Add(new NpgsqlBatchCommand(OffersSql)
                { Parameters = { new() { Value = ids }, new() { Value = codes }, new() { Value = DateOnly.FromDateTime(now.UtcDateTime) } } });
            await using var reader = await batch.ExecuteReaderAsync(ct); // on the first result with columns: the claim
            await reader.ReadAsync(ct);
            var (claimed, threshold, next) = (reader.GetBoolean(0), new Money(reader.GetInt64(1)), reader.GetInt64(2));
            await reader.NextResultAsync(ct);
            var claim = new ApiOrderClaim();
            var plans = await claim.ReadOffersAsync(db, reader, ct);
            claim.Header = claimed ? new OrderPlacement.Header(orderId, OrderRows.Number(now, next), threshold, plans) : null;
            return claim;
        }, ct);

    /// <summary>Claims the key ($1 organization, $2 key, $3 request hash, $4 now, $5 order id); reads the threshold and the next number.</summary>
    private const string ClaimSql = $"""
        WITH claimed AS (
            INSERT INTO api_idempotencies (organization_id, key, request_hash, created_at, order_id) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT DO NOTHING RETURNING 1)
        SELECT EXISTS (SELECT FROM claimed), approval_threshold_fen, {OrderRows.NextNumber}
        FROM organizations WHERE id = $1
        """;

    /// <summary>Only the columns quoting needs of the products on sale with ids $1 or codes $2 on day $3, with their suppliers' plans.</summary>
    private static readonly string OffersSql = $"""
        SELECT p.id, p.supplier_id, p.name_zh, p.unit, p.min_order_quantity, p.stock, p.certificate_number, p.tier_prices,
               b.id, b.household_share_percent
        FROM products p JOIN suppliers s ON s.id = p.supplier_id
        LEFT JOIN benefit_plans b ON b.supplier_id = p.supplier_id AND b.status = '{nameof(BenefitPlanStatus.Approved)}'
        WHERE (p.id = ANY($1) OR p.certificate_number = ANY($2)) AND {StorefrontQuery.OnSaleSql(3)}
        """;

    private async Task<Dictionary<Guid, PlanAtPlacement>> ReadOffersAsync(AidMarketDbContext db, NpgsqlDataReader reader, CancellationToken ct)
    {
        var tiers = db.Model.FindEntityType(typeof(Product))!.FindProperty("_tiers")!.GetTypeMapping().Converter!;
        var plans = new Dictionary<Guid, PlanAtPlacement>();
        while (await reader.ReadAsync(ct))
        {
            var offer = new Offer(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5),
                (List<TierPrice>)tiers.ConvertFromProvider(reader.GetString(7))!);
            _offers.Add((offer, reader.IsDBNull(6) ? null : reader.GetString(6)));
            if (!reader.IsDBNull(8)) plans[offer.SupplierId] = new PlanAtPlacement(reader.GetGuid(8), reader.GetDecimal(9));
        }
        return plans;
    }
}
