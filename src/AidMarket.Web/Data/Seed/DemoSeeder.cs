using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using AidMarket.Domain.Catalog;
using AidMarket.Domain.Common;
using AidMarket.Domain.Organizations;
using AidMarket.Domain.Producers;
using AidMarket.Domain.Regions;
using AidMarket.Web.Data.Seed;
using AidMarket.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AidMarket.Web.Data;

/// <summary>Seeds the demo marketplace once; a second run (or a second instance) finds it and does nothing.</summary>
public class DemoSeeder(AidMarketDbContext db, UserManager<AppUser> users, ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "Demo@2026";
    public const string PlatformName = "AidMarket 平台运营中心";
    public const string HaizhuCanteen = "海珠区机关事务管理局食堂";

    public sealed record DemoUser(string Email, string Name, string Organization, OrganizationRole Role, string Description);

    public static readonly DemoUser[] DemoUsers =
    [
        new("admin@aidmarket.demo", "平台管理员", PlatformName, OrganizationRole.Admin, "Platform admin 平台管理员"),
        new("officer@aidmarket.demo", "田林县干部", "田林县乡村振兴局", OrganizationRole.Officer, "County officer 县级干部 (田林县)"),
        new("supplier@aidmarket.demo", "合作社理事长", "田林县姬松茸种植专业合作社", OrganizationRole.Manager, "Supplier manager 供应商 (田林姬松茸)"),
        new("purchaser@aidmarket.demo", "食堂采购员", HaizhuCanteen, OrganizationRole.Purchaser, "Buyer purchaser 采购员"),
        new("approver@aidmarket.demo", "食堂审批人", HaizhuCanteen, OrganizationRole.Approver, "Buyer approver 审批人"),
        new("finance@aidmarket.demo", "食堂财务", HaizhuCanteen, OrganizationRole.Finance, "Buyer finance 财务"),
        new("receiver@aidmarket.demo", "食堂验收员", HaizhuCanteen, OrganizationRole.Receiver, "Buyer receiver 验收员"),
        new("buyeradmin@aidmarket.demo", "食堂管理员", HaizhuCanteen, OrganizationRole.Admin, "Buyer admin 采购单位管理员"),
        new("partner@aidmarket.demo", "海珠协作干部", "海珠区东西部协作工作组", OrganizationRole.Officer, "Partner district officer 协作地区干部"),
    ];

    private sealed record RegionsFile(List<CountyJson> Counties, List<PairingJson> Partner_pairings);
    private sealed record CountyJson(string Code, string Name, string Province, string City, List<string> Industries);
    private sealed record PairingJson(EastJson East, string County);
    private sealed record EastJson(string Name, string City, string Province);

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One seeder at a time across instances; the lock ends with the transaction.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(724601)", ct);
        if (await db.Organizations.AnyAsync(o => o.Kind == OrganizationKind.Platform, ct)) return false;

        var regions = ReadRegions();
        var counties = regions.Counties.Select(c => new County(c.Code, c.Name, c.Province, c.City, c.Industries)).ToList();
        db.Counties.AddRange(counties);
        var countyByName = counties.ToDictionary(c => c.Name);
        db.PartnerPairings.AddRange(regions.Partner_pairings.Select(p =>
            new PartnerPairing(p.East.Name, p.East.City, p.East.Province, countyByName[p.County].Code)));

        var orgs = new Dictionary<string, Organization>();
        void AddOrg(Organization o) { orgs[o.Name] = o; db.Organizations.Add(o); }
        AddOrg(new Organization(OrganizationKind.Platform, PlatformName));
        foreach (var c in counties) AddOrg(new Organization(OrganizationKind.County, c.Name + "乡村振兴局", c.Code));
        AddOrg(new Organization(OrganizationKind.Buyer, HaizhuCanteen, buyerKind: BuyerKind.GovernmentCanteen));
        AddOrg(new Organization(OrganizationKind.Buyer, "宝安区某中学食堂", buyerKind: BuyerKind.SchoolCanteen));
        AddOrg(new Organization(OrganizationKind.Buyer, "某区总工会", buyerKind: BuyerKind.LaborUnion));
        var partner = new Organization(OrganizationKind.PartnerDistrict, "海珠区东西部协作工作组");
        partner.PairWithDistrict("海珠区");
        AddOrg(partner);

        SeedSuppliers(orgs, AddOrg);
        await db.SaveChangesAsync(ct);

        foreach (var u in DemoUsers)
        {
            var user = new AppUser { UserName = u.Email, Email = u.Email, EmailConfirmed = true, DisplayName = u.Name };
            user.JoinOrganization(orgs[u.Organization], u.Role);
            var result = await users.CreateAsync(user, DemoPassword);
            if (!result.Succeeded)
                throw new InvalidOperationException("Seeding user failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        await tx.CommitAsync(ct);
        logger.LogInformation("Seeded demo data: {Counties} counties, {Orgs} organizations, {Users} users", counties.Count, orgs.Count, DemoUsers.Length);
        return true;
    }

    private void SeedSuppliers(Dictionary<string, Organization> orgs, Action<Organization> addOrg)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sequence = new Dictionary<string, int>();
        int householdNo = 0;
        foreach (var spec in DemoCatalog.Suppliers)
        {
            var org = new Organization(OrganizationKind.Supplier, spec.Name, spec.CountyCode);
            addOrg(org);
            var supplier = new Supplier(org.Id, spec.Kind, spec.Name, spec.CountyCode, spec.SharePercent);
            supplier.Approve();
            db.Suppliers.Add(supplier);

            for (int i = 0; i < 5; i++, householdNo++)
            {
                var household = new Household(spec.CountyCode, DemoCatalog.HouseholdHead(householdNo), spec.Villages[i % spec.Villages.Length],
                    2 + householdNo % 4, (HouseholdStatus)(householdNo % 3), NewCardCode());
                db.Households.Add(household);
                db.BenefitLinks.Add(new BenefitLink(supplier.Id, household.Id, (LinkKind)(i % 3), 1 + i % 3, today.AddYears(-1)));
            }

            foreach (var p in spec.Products)
            {
                var product = new Product(supplier.Id, spec.CountyCode, p.NameZh, p.NameEn, p.Category, p.Unit, p.Description,
                    p.MinOrder, p.Stock, p.Tiers.Select(t => new TierPrice(t.Qty, Money.FromYuan(t.Yuan).Fen)));
                foreach (var label in p.Labels)
                    product.AddQualityLabel(new QualityLabel(label, $"LB{spec.CountyCode}{(int)label}{householdNo:D4}", today.AddYears(2)));
                var seq = sequence[spec.CountyCode] = sequence.GetValueOrDefault(spec.CountyCode) + 1;
                var issued = today.AddDays(-60);
                product.Certify($"{spec.CountyCode}-{issued.Year}-{seq:D4}", issued, issued.AddYears(2));
                db.Products.Add(product);
            }
        }
    }

    private const string CardAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>明白卡 code: 12 characters without look-alikes (0/O, 1/I).</summary>
    public static string NewCardCode() => RandomNumberGenerator.GetString(CardAlphabet, 12);

    private static RegionsFile ReadRegions()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AidMarket.Web.Data.Seed.regions.json")
            ?? throw new InvalidOperationException("regions.json is not embedded");
        return JsonSerializer.Deserialize<RegionsFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}
