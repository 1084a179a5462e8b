using AidMarket.Web.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AidMarket.Web.Api;

/// <summary>
/// The OpenAPI document at /api/v1/openapi.json, for an ERP integrator to generate a client from: exactly the /api/v1
/// operations, the bearer-key scheme they all need, the Idempotency-Key header and every problem+json answer. Note 024.
/// </summary>
public static class BuyerApiDocument
{
    public const string SchemeId = "ApiKey";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IServiceCollection AddBuyerApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            // Pages, images, the Stripe webhook and the like are the web app's, not the API's.
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<DocumentTransformer>();
            o.AddOperationTransformer((operation, _, _) =>
            {
                foreach (var header in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Header && p.Name == IdempotencyHeader))
                {
                    header.Required = true;
                    header.Description = "A unique key per new order, at most 100 characters. A retry with the same key and body returns the same order (200); " +
                        "the same key with a different body is refused (422).";
                }
                return Task.CompletedTask;
            });
        });

    private sealed class DocumentTransformer(PublicUrls urls) : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info = new OpenApiInfo
            {
                Title = "AidMarket buyer API",
                Version = "v1",
                Description = "For a buyer's ERP: search certified products, place orders safely retried with an Idempotency-Key, read an order's status. " +
                    "A buyer's admin creates keys under 接口密钥 (/Buyer/ApiKeys). Errors are application/problem+json (RFC 9457).",
            };
            document.Servers = [new OpenApiServer { Url = urls.Base, Description = "This AidMarket" }];
            document.AddComponent<IOpenApiSecurityScheme>(SchemeId, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "am_…",
                Description = "An API key of the buyer organization, sent as Authorization: Bearer am_…. A missing, unknown or revoked key is answered 401.",
            });
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] }];
            document.Tags = new HashSet<OpenApiTag> { new() { Name = BuyerApi.Tag, Description = "Products, orders and their status for one buyer organization." } };
            return Task.CompletedTask;
        }
    }
}
