using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AidMarket.Testing;
using AidMarket.Web.Security;

namespace AidMarket.Web.Tests.Security;

/// <summary>A household-data key anyone can read in the repository protects nothing: the app refuses to start with one.</summary>
public partial class KnownKeyTests
{
    // The value docker/compose.yaml shipped until issue 19, and the bytes tests/Shared/AppProcess.cs used.
    private const string ComposeKey = "ZGVtby1vbmx5LWtleS1yZXBsYWNlLW1lLTMyYnl0ZXM=";
    private static readonly string OldTestKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray());

    [Fact]
    public void Keys_that_appeared_in_the_repository_are_known_and_a_fresh_one_is_not()
    {
        KnownKeys.IsKnown(Convert.FromBase64String(ComposeKey)).ShouldBeTrue();
        KnownKeys.IsKnown(Convert.FromBase64String(OldTestKey)).ShouldBeTrue();
        KnownKeys.IsKnown(RandomNumberGenerator.GetBytes(32)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(ComposeKey, "published in the AidMarket repository")]
    [InlineData("replace-me", "must be base64 of 32 bytes")]
    public async Task The_app_refuses_such_a_key_in_one_line_without_a_stack_trace(string key, string expected)
    {
        await using var database = await TestDatabase.CreateAsync();
        var work = Directory.CreateTempSubdirectory("aidmarket-key-").FullName;
        var run = await AppProcess.RunCommandAsync(AppProcess.RepositoryRoot(), database.ConnectionString, work, [],
            new Dictionary<string, string> { ["SensitiveData__Key"] = key });
        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.Split('\n').Count(l => l.Contains(expected)).ShouldBe(1, run.Output);
        run.Output.ShouldContain("openssl rand -base64 32");
        run.Output.ShouldNotContain("   at ", Case.Sensitive, run.Output);
        run.Output.ShouldNotContain(key, Case.Sensitive, "the refusal does not repeat the key");
    }

    [Fact]
    public void Every_key_shaped_value_committed_to_the_repository_is_on_the_known_list()
    {
        var root = AppProcess.RepositoryRoot();
        var found = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/") && !f.Contains("/.git/") && !f.Contains("/node_modules/") && !f.Contains("/wwwroot/lib/"))
            .Where(f => Path.GetExtension(f) is ".cs" or ".md" or ".yaml" or ".yml" or ".json" or ".sh" or ".example" or ".cshtml" or "")
            .SelectMany(f => Base64Key().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(root, f), m.Value)))
            .Where(k => Convert.FromBase64String(k.Value).Length == 32)
            .ToList();
        found.Where(k => !KnownKeys.IsKnown(Convert.FromBase64String(k.Value))).ShouldBeEmpty(
            "a key written in the repository must go on Security/KnownKeys.cs (its SHA-256) so the app refuses it");
    }

    [GeneratedRegex("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])")]
    private static partial Regex Base64Key();
}
