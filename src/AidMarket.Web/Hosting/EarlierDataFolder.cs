namespace AidMarket.Web.Hosting;

/// <summary>
/// Before decision note 023 only the cluster followed LocalDatabase:DataDirectory: every local instance sealed its household
/// data with the key file of the default folder. A cluster from then gets a copy of that key beside it, so its data stays
/// readable (images uploaded then stay in the default folder: move them by hand, see note 023).
/// </summary>
public static class EarlierDataFolder
{
    public static void Adopt(AppDataDirectory folder, AppDataDirectory earlier, bool clusterIsNew, IConfiguration configuration, ILogger logger)
    {
        if (clusterIsNew || earlier.Root == folder.Root) return;
        var keyConfigured = !string.IsNullOrEmpty(configuration["SensitiveData:Key"]) || !string.IsNullOrEmpty(configuration["SensitiveData:KeyFile"]);
        if (!keyConfigured && !File.Exists(folder.HouseholdKeyFile) && File.Exists(earlier.HouseholdKeyFile))
        {
            File.Copy(earlier.HouseholdKeyFile, folder.HouseholdKeyFile);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder.HouseholdKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            logger.LogInformation("Copied the household-data key this database was sealed with from {Earlier} to {Key}",
                earlier.HouseholdKeyFile, folder.HouseholdKeyFile);
        }
    }
}
