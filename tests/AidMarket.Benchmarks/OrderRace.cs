using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace AidMarket.Benchmarks;

public sealed record RaceResult(int Orders, int Created, int NotEnoughStock, int OtherClientErrors, int ServerErrors, int TransportErrors,
    int UnitsSold, int StockLeft, int StockBefore, TimeSpan Elapsed)
{
    public bool Passed => UnitsSold == StockBefore && StockLeft == 0 && ServerErrors == 0 && TransportErrors == 0 && Created == StockBefore
                          && OtherClientErrors == 0;
}

/// <summary>
/// 1,000 API orders of one unit each, all in flight at once, against two app instances on one database, for a product with
/// 500 units: exactly 500 must be sold, stock must end at 0, the rest must be told "not enough stock", and nothing may fail.
/// </summary>
public static class OrderRace
{
    public static async Task<RaceResult> RunAsync(NpgsqlDataSource db, string apiKey, IReadOnlyList<string> appUrls, int orders, int units)
    {
        var productId = (await CatalogSeeder.ListAsync(db, $"""
            UPDATE products SET stock = {units}, min_order_quantity = 1,
                   tier_prices = jsonb_build_array(jsonb_build_object('MinQuantity', 1, 'UnitPriceFen', base_price_fen))
            WHERE id = (SELECT id FROM products WHERE certificate_number LIKE '%-2025-B%' ORDER BY certificate_number DESC LIMIT 1)
            RETURNING id
            """, r => r.GetGuid(0))).Single();

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = orders, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runId = Guid.NewGuid().ToString("N")[..8];
        var tasks = Enumerable.Range(0, orders).Select(async i =>
        {
            await start.Task;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{appUrls[i % appUrls.Count]}/api/v1/orders")
            {
                Content = new StringContent($$"""
                    {"buyerPoNumber":"RACE-{{i}}","deliveryAddress":"深圳市宝安区新安街道","requestedDeliveryDate":"2030-01-15",
                     "lines":[{"productId":"{{productId}}","quantity":1}]}
                    """, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", $"race-{runId}-{i}");
            try
            {
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                return (Status: (int)response.StatusCode, Body: body);
            }
            catch (HttpRequestException ex)
            {
                return (Status: 0, Body: ex.Message);
            }
        }).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        start.SetResult();
        var results = await Task.WhenAll(tasks);
        clock.Stop();

        var stockLeft = (await CatalogSeeder.ListAsync(db, $"SELECT stock FROM products WHERE id = '{productId}'", r => r.GetInt32(0))).Single();
        var sold = (await CatalogSeeder.ListAsync(db, $"""
            SELECT coalesce(sum((l->>'Quantity')::int), 0)::int FROM purchase_orders o, jsonb_array_elements(o.lines) l
            WHERE o.status = 'Placed' AND l->>'ProductId' = '{productId}'
            """, r => r.GetInt32(0))).Single();
        return new RaceResult(orders,
            Created: results.Count(r => r.Status == (int)HttpStatusCode.Created),
            NotEnoughStock: results.Count(r => r.Status == 422 && r.Body.Contains("NotEnoughStock", StringComparison.Ordinal)),
            OtherClientErrors: results.Count(r => r.Status is >= 400 and < 500 && !(r.Status == 422 && r.Body.Contains("NotEnoughStock", StringComparison.Ordinal))),
            ServerErrors: results.Count(r => r.Status >= 500),
            TransportErrors: results.Count(r => r.Status == 0),
            UnitsSold: sold, StockLeft: stockLeft, StockBefore: units, Elapsed: clock.Elapsed);
    }
}
