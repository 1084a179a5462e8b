namespace AidMarket.Web.Data.Seed;

public class SeedOptions
{
    /// <summary>Seed the demo counties, organizations, users and products on start (idempotent).</summary>
    public bool Demo { get; set; } = true;
}
