using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AidMarket.Web.Tests.Api;

/// <summary>What an integrator generates a client from: the OpenAPI document, and the problem+json answers it promises.</summary>
public partial class BuyerApiTests
{
    private static readonly string[] Operations = ["GET /api/v1/products", "GET /api/v1/products/{id}", "POST /api/v1/orders", "GET /api/v1/orders/{id}"];

    [Fact]
    public async Task The_OpenAPI_document_describes_exactly_the_API_its_key_its_idempotency_header_and_every_problem()
    {
        var doc = await App.Factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var operations = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Key: $"{o.Name.ToUpperInvariant()} {p.Name}", Operation: o.Value))).ToList();
        operations.Select(o => o.Key).ShouldBe(Operations, ignoreOrder: true); // no /culture, images, imports or webhook

        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()).ShouldBe(("http", "bearer"));
        doc.GetProperty("security")[0].TryGetProperty("ApiKey", out _).ShouldBeTrue();

        var expected = new Dictionary<string, int[]>
        {
            [Operations[0]] = [400, 401], [Operations[1]] = [401, 404], [Operations[2]] = [400, 401, 409, 422], [Operations[3]] = [401, 404],
        };
        foreach (var (key, operation) in operations)
        {
            operation.GetProperty("operationId").GetString().ShouldNotBeNullOrWhiteSpace(key);
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace(key);
            var responses = operation.GetProperty("responses");
            var problems = responses.EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
            problems.Select(r => int.Parse(r.Name)).ShouldBe(expected[key], ignoreOrder: true, key);
            foreach (var problem in problems)
                problem.Value.GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue($"{key} {problem.Name}");
        }
        operations.Select(o => o.Operation.GetProperty("operationId").GetString()).ShouldBe(["SearchProducts", "GetProduct", "PlaceOrder", "GetOrder"], ignoreOrder: true);

        var header = operations.Single(o => o.Key == Operations[2]).Operation.GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "Idempotency-Key");
        header.GetProperty("in").GetString().ShouldBe("header");
        header.GetProperty("required").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("GET", "/api/v1/products")]
    [InlineData("POST", "/api/v1/orders")]
    [InlineData("PUT", "/api/v1/orders")]
    [InlineData("DELETE", "/api/v1/orders/0b7c5d1e-8e55-4c65-9d52-0c4f1f2a3b4c")]
    [InlineData("PATCH", "/api/v1/products/0b7c5d1e-8e55-4c65-9d52-0c4f1f2a3b4c")]
    [InlineData("GET", "/api/v1/no-such-thing")]
    public async Task A_missing_or_unknown_key_is_401_problem_json_on_every_method(string method, string path)
    {
        foreach (var client in new[] { App.Factory.CreateClient(), Api("am_not-a-key") })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            response.Headers.WwwAuthenticate.ShouldContain(new AuthenticationHeaderValue("Bearer"));
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32().ShouldBe(401);
        }
    }

    [Fact]
    public async Task With_a_key_malformed_JSON_and_unknown_operations_are_problem_json_too()
    {
        var api = Api(await CreateKeyAsync());
        var malformed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = new StringContent("{\"lines\": [", Encoding.UTF8, "application/json") };
        malformed.Headers.Add("Idempotency-Key", "k-malformed");
        var bad = await api.SendAsync(malformed);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        foreach (var (method, path) in new[] { ("DELETE", "/api/v1/orders/0b7c5d1e-8e55-4c65-9d52-0c4f1f2a3b4c"), ("GET", "/api/v1/no-such-thing") })
        {
            var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{method} {path}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        (await App.QueryAsync(db => db.PurchaseOrders.CountAsync())).ShouldBe(0);
    }
}
