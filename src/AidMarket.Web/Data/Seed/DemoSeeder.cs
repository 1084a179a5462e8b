using System.Reflection;
using System.Text.Json;
using AidMarket.Domain.Catalog;
using AidMarket.Domain.Organizations;
using AidMarket.Domain.Producers;
using AidMarket.Domain.Regions;
using AidMarket.Web.Security;
using Microsoft.AspNetCore.Identity;

namespace AidMarket.Web.Data.Seed;

/// <summary>Seeds the demo marketplace once; a second run (or a second instance) finds it and does nothing.</summary>
public class DemoSeeder(AidMarketDbContext db, UserManager<AppUser> users, SensitiveData sensitive, ILogger<DemoSeeder> logger)
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

        await SeedSuppliersAsync(orgs, AddOrg, ct);
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

    private async Task SeedSuppliersAsync(Dictionary<string, Organization> orgs, Action<Organization> addOrg, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        int householdNo = 0, supplierNo = 0;
        foreach (var spec in DemoCatalog.Suppliers)
        {
            var org = new Organization(OrganizationKind.Supplier, spec.Name, spec.CountyCode);
            addOrg(org);
            supplierNo++;
            var creditCode = UnifiedSocialCreditCode.FromFirst17(
                (spec.Kind == SupplierKind.Cooperative ? "93" : "91") + spec.CountyCode + $"MA{supplierNo:D7}");
            var details = new SupplierDetails(spec.Kind, spec.Name, creditCode, spec.CountyCode, spec.Villages[0] + "村委会旁",
                DemoCatalog.HouseholdHead(supplierNo + 40), $"1380771{supplierNo:D4}", "中国农业银行", $"6228480{supplierNo:D12}",
                $"{spec.Name}带动{spec.Villages[0]}、{spec.Villages[1]}脱贫户参与生产经营。");
            var supplier = new Supplier(org.Id, details,
                new BenefitPlanTerms(spec.SharePercent, LinkKind.ProduceSupply, "按订单收购价的约定比例，向提供原料的脱贫户二次分配收益。"), now);
            supplier.Approve(now);
            db.Suppliers.Add(supplier);

            var households = new List<Household>();
            for (int i = 0; i < 5; i++, householdNo++)
            {
                var id = ChineseIdNumber.FromFirst17(spec.CountyCode + new DateOnly(1958, 1, 1).AddDays(householdNo * 331 % 18000).ToString("yyyyMMdd")
                    + (householdNo % 1000).ToString("D3"));
                var household = new Household(spec.CountyCode, new HouseholdDetails(DemoCatalog.HouseholdHead(householdNo),
                    sensitive.Seal(id), spec.Villages[i % spec.Villages.Length], 2 + householdNo % 4, (HouseholdStatus)(householdNo % 3),
                    Money.FromYuan(9000 + householdNo * 730 % 9000), sensitive.SealAccount($"62170037{householdNo:D11}")), Household.NewCardCode(), now);
                households.Add(household);
                db.Households.Add(household);
                var link = new BenefitLink(supplier.Id, household.Id, (LinkKind)(i % 3), 1 + i % 3, today.AddYears(-1), null, now);
                link.Confirm(now);
                db.BenefitLinks.Add(link);
            }

            foreach (var p in spec.Products)
            {
                var product = new Product(supplier.Id, spec.CountyCode, new ProductDetails(p.NameZh, p.NameEn, p.Category, p.Description,
                    spec.Villages[0] + "生产基地", p.Unit, p.PackSize, p.MinOrder, p.Stock,
                    p.Tiers.Select(t => new TierPrice(t.Qty, Money.FromYuan(t.Yuan))).ToList(),
                    p.Labels.Select(label => new QualityLabel(label, $"LB{spec.CountyCode}{(int)label}{householdNo:D4}", today.AddYears(2))).ToList()), now);
                product.ApplyForCertification(now);
                var issued = today.AddDays(-60);
                product.Certify(await CertificateNumbers.NextAsync(db, spec.CountyCode, issued.Year, ct), issued, issued.AddYears(2));
                db.Products.Add(product);
                db.ProductLots.Add(new ProductLot(product.Id, supplier.Id, $"{issued:yyyyMMdd}-01", issued.AddDays(-7),
                    households.Take(3).Select((h, k) => new LotContribution(h.Id, 100m + 50m * k)).ToList(), now));
            }
        }
    }

    private static RegionsFile ReadRegions()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AidMarket.Web.Data.Seed.regions.json")
            ?? throw new InvalidOperationException("regions.json is not embedded");
        return JsonSerializer.Deserialize<RegionsFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }
}
