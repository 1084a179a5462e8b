using AidMarket.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Web.Tests.Hosting;

/// <summary>Two app instances on one database, as behind a load balancer.</summary>
public class MultiInstanceTests
{
    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_instance_is_honoured_by_another()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var a = new AidMarketFactory(database.ConnectionString);
        await using var b = new AidMarketFactory(database.ConnectionString);

        var onA = new Browser(a);
        await onA.LogInOrThrowAsync("finance@aidmarket.demo");
        (await onA.GetAsync("/Notifications")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var onB = b.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/Notifications");
        request.Headers.Add("Cookie", await onA.CookieHeaderAsync());
        (await onB.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var anonymous = await b.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/Notifications");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var scope = a.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarket.Web.Data.AidMarketDbContext>();
        (await db.DataProtectionKeys.CountAsync()).ShouldBeGreaterThan(0);
    }
}
