using AidMarket.Testing;
using AidMarket.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace AidMarket.Web.Tests.Hosting;

/// <summary>A local cluster made when the key file stayed in the default folder still reads its household data.</summary>
public class EarlierDataFolderTests
{
    [Theory]
    [InlineData(false, null, true)]
    [InlineData(true, null, false)]
    [InlineData(false, "a-configured-key", false)]
    public void A_cluster_from_before_gets_the_key_it_was_sealed_with_and_a_new_one_makes_its_own(bool clusterIsNew, string? key, bool copied)
    {
        var work = Directory.CreateTempSubdirectory("aidmarket-earlier-").FullName;
        var earlier = new AppDataDirectory(Path.Combine(work, "default"));
        var folder = new AppDataDirectory(Path.Combine(work, "moved"));
        Directory.CreateDirectory(earlier.Root);
        Directory.CreateDirectory(folder.Root);
        File.WriteAllText(earlier.HouseholdKeyFile, AppProcess.HouseholdKey);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SensitiveData:Key"] = key }).Build();

        EarlierDataFolder.Adopt(folder, earlier, clusterIsNew, configuration, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        File.Exists(folder.HouseholdKeyFile).ShouldBe(copied);
        if (copied) File.ReadAllText(folder.HouseholdKeyFile).ShouldBe(AppProcess.HouseholdKey);
        Directory.Delete(work, recursive: true);
    }
}
