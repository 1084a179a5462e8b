using AidMarket.Testing;
using AidMarket.Web.Catalog;
using AidMarket.Web.Hosting;
using AidMarket.Web.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AidMarket.Web.Tests.Hosting;

/// <summary>One setting decides the folder of everything the app keeps on the machine; explicit per-item settings still win.</summary>
public class DataFolderTests
{
    [Theory]
    [InlineData("/srv/new", "/srv/old", "/srv/new")]
    [InlineData(null, "/srv/old", "/srv/old")]
    public void DataDirectory_wins_and_its_older_name_is_still_honoured(string? setting, string? older, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            { ["DataDirectory"] = setting, ["LocalDatabase:DataDirectory"] = older }).Build();
        var folder = AppDataDirectory.From(configuration);
        folder.Root.ShouldBe(expected);
        new[] { folder.Mail, folder.ProductImages, folder.HouseholdKeyFile }.ShouldAllBe(p => p.StartsWith(expected + "/"));
        AppDataDirectory.From(new ConfigurationBuilder().Build()).Root.ShouldBe(AppDataDirectory.Default);
    }

    [Fact]
    public async Task Mail_and_images_follow_the_data_folder_unless_set_on_their_own()
    {
        await using var database = await TestDatabase.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("aidmarket-data-").FullName;
        await using var moved = new AidMarketFactory(database.ConnectionString, new Dictionary<string, string?>
            { ["DataDirectory"] = folder, ["Email:PickupDirectory"] = null, ["Storage:ProductImagesPath"] = null });
        moved.Services.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory.ShouldBe(Path.Combine(folder, "mail"));
        moved.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ProductImagesPath.ShouldBe(Path.Combine(folder, "product-images"));

        await using var explicitPaths = new AidMarketFactory(database.ConnectionString, new Dictionary<string, string?> { ["DataDirectory"] = folder });
        explicitPaths.Services.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory.ShouldBe(explicitPaths.MailDirectory);
        explicitPaths.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ProductImagesPath.ShouldNotStartWith(folder);
    }

    [Fact]
    public async Task Two_local_instances_with_two_folders_share_nothing()
    {
        var work = Directory.CreateTempSubdirectory("aidmarket-local-").FullName;
        // As root the clusters belong to the postgres user, who must pass through (temp folders are made 0700).
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(work, (UnixFileMode)0b111_101_101);
        var folders = new[] { Path.Combine(work, "a"), Path.Combine(work, "b") };
        var sentinel = Path.Combine(work, "default-home");
        try
        {
            foreach (var folder in folders) await UseLocalInstanceAsync(work, folder, sentinel);
            foreach (var folder in folders)
            {
                File.Exists(Path.Combine(folder, "pgdata", "PG_VERSION")).ShouldBeTrue();
                InvitationMails(folder).ShouldHaveSingleItem();
                Directory.GetFiles(Path.Combine(folder, "product-images")).ShouldNotBeEmpty();
            }
            var keys = folders.Select(f => File.ReadAllText(Path.Combine(f, "household-data.key"))).ToList();
            keys[0].ShouldNotBe(keys[1]);
            Directory.Exists(Path.Combine(sentinel, "aidmarket")).ShouldBeFalse("nothing lands in the default folder");
            Directory.Delete(work, recursive: true); // kept when the test fails: the apps' logs are in it
        }
        finally
        {
            foreach (var folder in folders) await StopClusterAsync(Path.Combine(folder, "pgdata"));
        }
    }

    /// <summary>Runs the app on the embedded database of <paramref name="folder"/>, sends one mail and stores one image.</summary>
    private static async Task UseLocalInstanceAsync(string work, string folder, string defaultHome)
    {
        var local = new Dictionary<string, string>
        {
            ["ConnectionStrings__AidMarket"] = "", ["SensitiveData__Key"] = "", ["Email__PickupDirectory"] = "",
            ["Storage__ProductImagesPath"] = "", ["DataDirectory"] = folder, ["XDG_DATA_HOME"] = defaultHome,
            ["LocalDatabase__Port"] = AppProcess.FreePort().ToString(),
        };
        await using var app = await AppProcess.StartAsync(AppProcess.RepositoryRoot(), "", work, Path.GetFileName(folder), local);
        var buyer = LocalBrowser(app);
        await buyer.LogInOrThrowAsync("buyeradmin@aidmarket.demo");
        await buyer.SubmitAsync("/Organization/Members",
            new Dictionary<string, string> { ["InviteEmail"] = "new@canteen.cn", ["InviteRole"] = "Receiver" }, "/Organization/Members?handler=Invite");
        await Eventually.ReturnsAsync(() => Task.FromResult(InvitationMails(folder)), mails => mails.Length == 1);

        var supplier = LocalBrowser(app);
        await supplier.LogInOrThrowAsync("supplier@aidmarket.demo");
        var id = System.Text.RegularExpressions.Regex.Match(await supplier.GetPageAsync("/Supplier/Products"), "/Supplier/Products/Details/([0-9a-f-]{36})").Groups[1].Value;
        var page = $"/Supplier/Products/Details/{id}";
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        (await supplier.UploadAsync(page, page + "?handler=Upload", "image", png, "p.png", "image/png")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.StopAsync();
    }

    /// <summary>Stops a cluster the app left running (a failed test), as the startup banner tells users to.</summary>
    private static async Task StopClusterAsync(string pgdata)
    {
        if (!File.Exists(Path.Combine(pgdata, "postmaster.pid"))) return;
        var pgCtl = Directory.GetFiles("/usr/lib/postgresql", "pg_ctl", SearchOption.AllDirectories).FirstOrDefault() ?? "pg_ctl";
        string[] stop = [pgCtl, "-D", pgdata, "-m", "immediate", "-w", "stop"];
        string[] command = Environment.UserName == "root" ? ["runuser", "-u", "postgres", "--", .. stop] : stop;
        using var process = System.Diagnostics.Process.Start(command[0], command[1..]);
        await process.WaitForExitAsync();
    }

    private static string[] InvitationMails(string folder) =>
        Directory.Exists(Path.Combine(folder, "mail"))
            ? Directory.GetFiles(Path.Combine(folder, "mail"), "*.eml").Where(f => File.ReadAllText(f).Contains("new@canteen.cn")).ToArray()
            : [];

    private static Browser LocalBrowser(AppProcess app) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Url) });
}
