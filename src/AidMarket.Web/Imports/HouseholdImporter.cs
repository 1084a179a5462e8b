using AidMarket.Domain.Producers;
using AidMarket.Web.Auditing;
using AidMarket.Web.Security;

namespace AidMarket.Web.Imports;

/// <summary>County officers import households, each optionally linked to a supplier of the county (confirmed by the import).</summary>
public sealed class HouseholdImporter(SensitiveData sensitive) : Importer<HouseholdImporter.Item>
{
    public sealed class Item(HouseholdDetails details, string? supplierCode, LinkKind kind, int weight)
    {
        public HouseholdDetails Details { get; } = details;
        public string? SupplierCode { get; } = supplierCode;
        public LinkKind Kind { get; } = kind;
        public int Weight { get; } = weight;
        public Guid? SupplierId { get; set; }
    }

    private static readonly Dictionary<string, HouseholdStatus> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["脱贫户"] = HouseholdStatus.Registered, ["脱贫不稳定户"] = HouseholdStatus.Monitored, ["边缘易致贫户"] = HouseholdStatus.Edge,
        ["监测户"] = HouseholdStatus.Monitored, ["边缘户"] = HouseholdStatus.Edge,
        ["Registered"] = HouseholdStatus.Registered, ["Monitored"] = HouseholdStatus.Monitored, ["Edge"] = HouseholdStatus.Edge,
    };

    internal static readonly Dictionary<string, LinkKind> LinkKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["订单收购"] = LinkKind.ProduceSupply, ["务工就业"] = LinkKind.Employment, ["务工"] = LinkKind.Employment, ["入股分红"] = LinkKind.Dividend,
        ["ProduceSupply"] = LinkKind.ProduceSupply, ["Employment"] = LinkKind.Employment, ["Dividend"] = LinkKind.Dividend,
    };

    public override ImportKind Kind => ImportKind.Households;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("HeadName", "户主姓名", "Head of household", true),
        new("IdNumber", "身份证号码", "ID number", true),
        new("Village", "村", "Village", true),
        new("Size", "家庭人口", "Household size", true),
        new("Status", "户类型", "Household status", true),
        new("Income", "申报年收入（元）", "Declared annual income", false),
        new("Account", "惠农一卡通账号", "Payout account", false),
        new("SupplierCode", "联结主体统一社会信用代码", "Linked supplier credit code", false),
        new("LinkKind", "联结方式", "Link", false),
        new("Weight", "联结权重", "Link weight", false),
    ];

    public override IReadOnlyDictionary<string, string> Example { get; } = new Dictionary<string, string>
    {
        ["HeadName"] = "黄建国", ["IdNumber"] = "451029196805120013", ["Village"] = "八渡村", ["Size"] = "4", ["Status"] = "脱贫户",
        ["Income"] = "12800", ["Account"] = "6217003760000000001", ["SupplierCode"] = "", ["LinkKind"] = "订单收购", ["Weight"] = "1",
    };

    protected override Item? Parse(ImportRow row, ImportContext context)
    {
        var name = row.Text("HeadName");
        var idText = row.Text("IdNumber");
        var village = row.Text("Village");
        var size = row.Int("Size", 1, 30);
        var statusText = row.Text("Status");
        var income = row.Decimal("Income", 0) ?? 0;
        var account = row.Text("Account").Replace(" ", "");
        var supplierCode = row.Text("SupplierCode");
        var kindText = row.Text("LinkKind");
        var weight = row.Int("Weight", 1, 1000) ?? 1;

        ChineseIdNumber id = default;
        if (idText.Length > 0 && !ChineseIdNumber.TryParse(idText, out id)) row.Error("IdNumber", "Error.IdNumber.Invalid");
        HouseholdStatus status = default;
        if (statusText.Length > 0 && !Statuses.TryGetValue(statusText, out status)) row.Error("Status", "Import.HouseholdStatus");
        if (account.Length > 0 && (account.Length is < 8 or > 34 || !account.All(char.IsAsciiDigit))) row.Error("Account", "Import.Account");
        if (supplierCode.Length > 0 && !UnifiedSocialCreditCode.IsValid(supplierCode)) row.Error("SupplierCode", "Error.CreditCode.Invalid");
        var kind = LinkKind.ProduceSupply;
        if (kindText.Length > 0 && !LinkKinds.TryGetValue(kindText, out kind)) row.Error("LinkKind", "Import.LinkKind");
        if (name.Length > 50) row.Error("HeadName", "Import.TooLong", "50");
        if (village.Length > 100) row.Error("Village", "Import.TooLong", "100");
        if (name.Length == 0 || village.Length == 0 || size is null || id.Value is null || statusText.Length == 0) return null;

        var details = new HouseholdDetails(name, sensitive.Seal(id), village, size.Value, status, Money.FromYuan(income),
            account.Length > 0 ? sensitive.SealAccount(account) : null);
        return new Item(details, supplierCode.Length > 0 ? supplierCode.ToUpperInvariant() : null, kind, weight);
    }

    protected override async Task CheckAsync(AidMarketDbContext db, IReadOnlyList<(ImportRow Row, Item Item)> items, ImportContext context, CancellationToken ct)
    {
        var firstRow = new Dictionary<string, int>();
        foreach (var (row, item) in items)
            if (!firstRow.TryAdd(item.Details.IdNumber.Lookup!, row.Number))
                row.Error("IdNumber", "Import.DuplicateInFile", firstRow[item.Details.IdNumber.Lookup!].ToString());

        var holders = await IdNumberElsewhere.HoldersAsync(db, items.Select(i => i.Item.Details.IdNumber.Lookup!).ToList(), null, ct);
        foreach (var (row, item) in items)
        {
            if (!holders.TryGetValue(item.Details.IdNumber.Lookup!, out var holder)) continue;
            if (holder.CountyCode == context.CountyCode) { row.Error("IdNumber", "Import.IdNumberExists"); continue; }
            row.Error("IdNumber", IdNumberElsewhere.ImportError);
            IdNumberElsewhere.Audit(db, context.Who, context.CountyCode!, holder);
        }
        await db.SaveChangesAsync(ct); // the audit entries, kept although the import saves nothing

        var codes = items.Select(i => i.Item.SupplierCode).OfType<string>().Distinct().ToList();
        var suppliers = await db.Suppliers.Where(s => codes.Contains(s.CreditCode) && s.CountyCode == context.CountyCode && s.Status == SupplierStatus.Approved)
            .ToDictionaryAsync(s => s.CreditCode, s => s.Id, ct);
        foreach (var (row, item) in items.Where(i => i.Item.SupplierCode is not null))
        {
            if (suppliers.TryGetValue(item.SupplierCode!, out var supplierId)) item.SupplierId = supplierId;
            else row.Error("SupplierCode", "Import.SupplierNotFound"); // unknown, of another county, or not approved
        }
    }

    protected override void Add(AidMarketDbContext db, Item item, ImportContext context, DateTimeOffset now)
    {
        var household = new Household(context.CountyCode!, item.Details, Household.NewCardCode(), now);
        db.Households.Add(household);
        if (item.SupplierId is { } supplierId)
        {
            var link = new BenefitLink(supplierId, household.Id, item.Kind, item.Weight, DateOnly.FromDateTime(now.UtcDateTime), null, now);
            link.Confirm(now);
            db.BenefitLinks.Add(link);
        }
        db.Audit(AuditEntry.Record(context.Who, "Audit.HouseholdCreated", nameof(Household), household.Id, context.CountyCode,
            after: household.Snapshot(), reason: context.FileName, at: now));
    }
}
