namespace AidMarket.Web.Data.Seed;

public class SeedOptions
{
    /// <summary>Seed the demo counties, organizations, users and products on start (idempotent).</summary>
    public bool Demo { get; set; }

    /// <summary>An explicit Seed:Demo wins; otherwise only the embedded local database gets the demo logins.</summary>
    public static bool DemoFor(IConfiguration configuration, bool embeddedDatabase) =>
        configuration.GetValue<bool?>("Seed:Demo") ?? embeddedDatabase;
}
