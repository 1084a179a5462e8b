using AidMarket.Testing;
using AidMarket.Web.Security;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AidMarket.Web.Tests.Security;

/// <summary>Whoever reads the database must not be able to forge a login cookie: the key ring is stored encrypted.</summary>
public class KeyRingEncryptionTests
{
    [Fact]
    public async Task The_stored_key_ring_holds_no_plaintext_key_and_a_second_instance_with_the_key_accepts_the_cookie()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var a = new AidMarketFactory(database.ConnectionString);
        await using var b = new AidMarketFactory(database.ConnectionString);
        var cookie = await SignedInCookieAsync(a);

        var rows = await KeyRowsAsync(database);
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(xml => !xml.Contains("<masterKey") && xml.Contains("<" + KeyRingEncryption.ElementName));
        (await NotificationsWithAsync(b, cookie)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_household_key_cannot_read_the_key_ring_so_the_cookie_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var a = new AidMarketFactory(database.ConnectionString);
        var cookie = await SignedInCookieAsync(a);
        var otherKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var stranger = new AidMarketFactory(database.ConnectionString, new Dictionary<string, string?> { ["SensitiveData:Key"] = otherKey });

        (await NotificationsWithAsync(stranger, cookie)).ShouldBe(HttpStatusCode.Redirect, "to the login page");
    }

    [Fact]
    public async Task Keys_stored_in_plaintext_before_encryption_are_still_read()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var before = new PlaintextKeyRingFactory(database.ConnectionString);
        var cookie = await SignedInCookieAsync(before);
        (await KeyRowsAsync(database)).ShouldContain(xml => xml.Contains("<masterKey"), "the key as it was stored before");

        await using var now = new AidMarketFactory(database.ConnectionString);
        (await NotificationsWithAsync(now, cookie)).ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> SignedInCookieAsync(AidMarketFactory app)
    {
        var browser = new Browser(app);
        await browser.LogInOrThrowAsync("finance@aidmarket.demo");
        return await browser.CookieHeaderAsync();
    }

    private static async Task<HttpStatusCode> NotificationsWithAsync(AidMarketFactory app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/Notifications");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    /// <summary>Read straight from the table, as a database dump would show them.</summary>
    private static async Task<List<string>> KeyRowsAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    /// <summary>The app as it was before the key ring was encrypted.</summary>
    private sealed class PlaintextKeyRingFactory(string connectionString) : AidMarketFactory(connectionString)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.PostConfigure<KeyManagementOptions>(o => o.XmlEncryptor = null));
        }
    }
}
