using Microsoft.EntityFrameworkCore.Design;

namespace AidMarket.Web.Data;

/// <summary>Lets `dotnet ef` build the model without starting the app or its local database.</summary>
public class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AidMarketDbContext>
{
    public AidMarketDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AidMarketDbContext>();
        DbContextSetup.Configure(options, "Host=localhost;Database=aidmarket_design");
        return new AidMarketDbContext(options.Options);
    }
}
