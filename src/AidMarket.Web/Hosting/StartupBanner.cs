using AidMarket.Web.Data.Seed;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AidMarket.Web.Hosting;

public static class StartupBanner
{
    public static void Print(WebApplication app, LocalPostgres? localPostgres)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string> { "", "AidMarket 消费帮扶集采平台 is running:" };
        lines.AddRange(addresses.Select(a => "  " + a));
        if (app.Services.GetRequiredService<DemoMode>().Active)
        {
            lines.Add("Demo data: the demo accounts' password is public; do not use in production.");
            lines.Add("演示数据：演示账号的密码是公开的，请勿用于生产。");
            lines.Add($"Demo logins (password {DemoSeeder.DemoPassword}):");
            lines.AddRange(DemoSeeder.DemoUsers.Select(u => $"  {u.Email,-32} {u.Description}"));
        }
        if (localPostgres is not null)
        {
            lines.Add($"Data folder (database, household key, mail, images): {localPostgres.BaseDirectory}");
            lines.Add($"Local PostgreSQL: {localPostgres.DataDirectory} (127.0.0.1, stopped with the app;");
            lines.Add($"  if the app was killed: {localPostgres.StopCommand})");
        }
        lines.Add("Press Ctrl+C to stop.");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
