namespace AidMarket.Web.Hosting;

/// <summary>
/// The app's own folder on this machine, for what it keeps outside the database when nothing else is configured (the
/// embedded cluster, the household-data key, product images, picked-up mail): ~/.local/share/aidmarket, or
/// $XDG_DATA_HOME/aidmarket; as root /var/lib/aidmarket.
/// </summary>
public static class AppDataDirectory
{
    public static string Default =>
        Environment.UserName == "root"
            ? "/var/lib/aidmarket"
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"), "aidmarket");

    public static string PathOf(string name) => Path.Combine(Default, name);
}
