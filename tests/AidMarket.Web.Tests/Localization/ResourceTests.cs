using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AidMarket.Web.Tests.Localization;

/// <summary>Every UI string the code asks for has its Chinese text, so zh-CN users never see English keys.
/// Keys built by concatenation (L["Role." + role]) are covered by the enum test.</summary>
public partial class ResourceTests
{
    private static readonly string WebProject = Path.Combine(Hosting.HostingTests.RepositoryRoot(), "src", "AidMarket.Web");

    private static Dictionary<string, string> Resources(string file) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static IEnumerable<string> LiteralKeys() =>
        Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs") || f.EndsWith(".cshtml")) && !f.Contains("/bin/") && !f.Contains("/obj/") && !f.Contains("/Migrations/"))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[2].Value)))
            .Distinct();

    [Fact]
    public void Every_literal_key_has_a_Chinese_translation()
    {
        var zh = Resources("SharedResource.zh-Hans.resx");
        var keys = LiteralKeys().ToList();
        keys.Count.ShouldBeGreaterThan(100, "the scan finds the keys the pages use");
        keys.Where(k => !zh.ContainsKey(k)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_code_like_key_has_English_text_so_English_users_never_see_a_key()
    {
        var zh = Resources("SharedResource.zh-Hans.resx");
        var en = Resources("SharedResource.resx");
        var codes = zh.Keys.Where(k => System.Text.RegularExpressions.Regex.IsMatch(k, @"^[A-Z][A-Za-z]+\.[A-Za-z.]+$")).ToList();
        codes.Count.ShouldBeGreaterThan(100);
        codes.Where(k => !en.ContainsKey(k)).ShouldBeEmpty();
    }

    [Fact]
    public void No_two_keys_differ_only_in_case_because_resources_would_then_lose_one()
    {
        foreach (var file in new[] { "SharedResource.zh-Hans.resx", "SharedResource.resx" })
            Resources(file).Keys.GroupBy(k => k.ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ShouldBeEmpty(file);
    }

    [Fact]
    public void Every_enum_label_has_Chinese_and_English_text()
    {
        var zh = Resources("SharedResource.zh-Hans.resx");
        var en = Resources("SharedResource.resx");
        var enums = new Dictionary<string, Type>
        {
            ["Role"] = typeof(AidMarket.Domain.Organizations.OrganizationRole),
            ["OrganizationKind"] = typeof(AidMarket.Domain.Organizations.OrganizationKind),
            ["BuyerKind"] = typeof(AidMarket.Domain.Organizations.BuyerKind),
            ["SupplierKind"] = typeof(AidMarket.Domain.Producers.SupplierKind),
            ["QualityLabel"] = typeof(AidMarket.Domain.Catalog.QualityLabelKind),
            ["SupplierStatus"] = typeof(AidMarket.Domain.Producers.SupplierStatus),
            ["PlanStatus"] = typeof(AidMarket.Domain.Producers.BenefitPlanStatus),
            ["LinkKind"] = typeof(AidMarket.Domain.Producers.LinkKind),
            ["LinkStatus"] = typeof(AidMarket.Domain.Producers.LinkStatus),
            ["HouseholdStatus"] = typeof(AidMarket.Domain.Producers.HouseholdStatus),
            ["CertificationStatus"] = typeof(AidMarket.Domain.Catalog.CertificationStatus),
            ["ImportStatus"] = typeof(AidMarket.Web.Imports.ImportStatus),
            ["OrderStatus"] = typeof(AidMarket.Domain.Procurement.OrderStatus),
            ["SupplierOrderStatus"] = typeof(AidMarket.Domain.Procurement.SupplierOrderStatus),
            ["Sort"] = typeof(AidMarket.Web.Catalog.StorefrontSort),
            ["LineStatus"] = typeof(AidMarket.Domain.Procurement.LineStatus),
            ["AgreementStatus"] = typeof(AidMarket.Domain.Procurement.AgreementStatus),
            ["Frequency"] = typeof(AidMarket.Domain.Procurement.AgreementFrequency),
            ["DisbursementStatus"] = typeof(AidMarket.Domain.Payments.DisbursementStatus),
            ["PayoutStatus"] = typeof(AidMarket.Domain.Payments.PayoutStatus),
            ["PayoutMethod"] = typeof(AidMarket.Domain.Payments.PayoutMethod),
            ["LookupOutcome"] = typeof(AidMarket.Web.Statements.LookupOutcome),
        };
        foreach (var (prefix, type) in enums)
            foreach (var name in Enum.GetNames(type))
            {
                zh.ShouldContainKey($"{prefix}.{name}");
                en.ShouldContainKey($"{prefix}.{name}");
            }
    }

    [GeneratedRegex(@"(\b[Ll]\[|localizer\[|ErrorMessage\s*=\s*|Display\(Name\s*=\s*|Error\(nameof\(\w+\),\s*)""((?:[^""\\]|\\.)*)""(?!\s*\+)")]
    private static partial Regex KeyPattern();
}
