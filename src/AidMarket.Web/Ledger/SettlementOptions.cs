namespace AidMarket.Web.Ledger;

public class SettlementOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>The platform's fee in basis points of the accepted amount (100 = 1%); 0 by default.</summary>
    public int PlatformFeeBasisPoints { get; set; }
    /// <summary>How often the sweep looks for orders due that no event has settled yet.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
    public int BatchSize { get; set; } = 500;
}
