using AidMarket.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Tests.Hosting;

public class PublicUrlsTests
{
    private sealed class Server(params string[] addresses) : IServer
    {
        public IFeatureCollection Features { get; } = WithAddresses(addresses);
        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public void Dispose() { }

        private static FeatureCollection WithAddresses(string[] addresses)
        {
            var features = new FeatureCollection();
            var feature = new ServerAddressesFeature();
            foreach (var a in addresses) feature.Addresses.Add(a);
            features.Set<IServerAddressesFeature>(feature);
            return features;
        }
    }

    private static PublicUrls Urls(string? configured, string? urlsSetting, params string[] listening) =>
        new(Options.Create(new AppOptions { PublicBaseUrl = configured }), new Server(listening),
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urlsSetting }).Build());

    [Theory]
    [InlineData("https://market.example.cn", "https://market.example.cn/Statement?card=AB")]
    [InlineData("https://gov.example.cn/aidmarket/", "https://gov.example.cn/aidmarket/Statement?card=AB")]
    public void The_configured_public_base_URL_starts_every_link(string configured, string expected) =>
        Urls(configured, null, "http://127.0.0.1:5080").To("/Statement?card=AB").ShouldBe(expected);

    [Fact]
    public void Without_it_links_start_with_the_address_the_app_listens_on_never_a_wildcard()
    {
        Urls(null, null, "http://127.0.0.1:41234").Base.ShouldBe("http://127.0.0.1:41234");
        Urls(null, null, "http://0.0.0.0:8080").Base.ShouldBe("http://localhost:8080");
        Urls(null, null, "http://[::]:8080", "https://[::]:8443").Base.ShouldBe("https://localhost:8443");
        Urls(null, "http://127.0.0.1:5080").Base.ShouldBe("http://127.0.0.1:5080"); // before the server has bound
    }
}
