namespace AidMarket.Web.Hosting;

/// <summary>The web root is the repository's top-level wwwroot; a published app carries its own copy.</summary>
public static class WebRoot
{
    public static string? Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AidMarket.sln")) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
                    return Path.Combine(dir.FullName, "wwwroot");
            }
        }
        return null;
    }
}
