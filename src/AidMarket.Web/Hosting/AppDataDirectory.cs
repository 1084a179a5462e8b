namespace AidMarket.Web.Hosting;

/// <summary>
/// The one folder for what the app keeps on this machine outside the database (the embedded cluster, the household-data
/// key file, picked-up mail, product images). Setting <c>DataDirectory</c> (or its older name
/// <c>LocalDatabase:DataDirectory</c>) moves all of them; an explicit per-item setting still wins. The default is
/// ~/.local/share/aidmarket, or $XDG_DATA_HOME/aidmarket; as root /var/lib/aidmarket.
/// </summary>
public sealed class AppDataDirectory(string root)
{
    public const string Setting = "DataDirectory";
    public const string OlderSetting = "LocalDatabase:DataDirectory";

    public string Root { get; } = Path.GetFullPath(root);
    public string Mail => Path.Combine(Root, "mail");
    public string ProductImages => Path.Combine(Root, "product-images");
    public string HouseholdKeyFile => Path.Combine(Root, "household-data.key");

    public static AppDataDirectory From(IConfiguration configuration) =>
        new(new[] { configuration[Setting], configuration[OlderSetting] }.FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)) ?? Default);

    public static string Default =>
        Environment.UserName == "root"
            ? "/var/lib/aidmarket"
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"), "aidmarket");
}
