using AidMarket.Domain.Catalog;
using AidMarket.Domain.Producers;

namespace AidMarket.Web.Data.Seed;

/// <summary>The demo suppliers and their products. Names follow each county's real industries; people and prices are invented.</summary>
internal static class DemoCatalog
{
    internal sealed record ProductSpec(string NameZh, string NameEn, string Category, string Unit, int MinOrder, int Stock,
        (int Qty, decimal Yuan)[] Tiers, QualityLabelKind[] Labels, string Description)
    {
        public string PackSize => Description.IndexOf('每') is var at and >= 0
            ? Description[at..].Split('，', '。')[0]
            : "1" + Unit;
    }

    internal sealed record SupplierSpec(string CountyCode, string Name, SupplierKind Kind, decimal SharePercent, string[] Villages,
        ProductSpec[] Products);

    private static readonly QualityLabelKind[] None = [];

    public static readonly SupplierSpec[] Suppliers =
    [
        new("451029", "田林县姬松茸种植专业合作社", SupplierKind.Cooperative, 12m, ["八渡村", "那拉村"],
        [
            new("田林姬松茸干品", "Tianlin dried Agaricus blazei", "食用菌", "斤", 10, 800, [(10, 98m), (50, 92m), (200, 86m)],
                [QualityLabelKind.GreenFood, QualityLabelKind.ComplianceCertificate], "林下种植、低温烘干，菇形完整，适合煲汤。"),
            new("姬松茸礼盒（250克）", "Agaricus blazei gift box (250 g)", "食用菌", "盒", 20, 500, [(20, 68m), (100, 62m)],
                [QualityLabelKind.GreenFood], "合作社统一分拣包装，适合工会慰问。"),
        ]),
        new("451029", "田林县八渡笋专业合作社", SupplierKind.Cooperative, 10m, ["八渡村", "六丰村"],
        [
            new("八渡笋干", "Badu dried bamboo shoots", "山珍干货", "kg", 20, 1200, [(20, 56m), (100, 52m), (500, 48m)],
                [QualityLabelKind.GeographicalIndication, QualityLabelKind.ComplianceCertificate], "农产品地理标志产品，传统工艺晒制。"),
            new("八渡鲜笋（真空装）", "Badu fresh bamboo shoots, vacuum packed", "蔬菜", "箱", 10, 300, [(10, 85m), (50, 79m)],
                None, "每箱5千克，开袋即可烹饪。"),
        ]),
        new("522725", "瓮安县玉山茶叶专业合作社", SupplierKind.Cooperative, 15m, ["玉山村", "建中村"],
        [
            new("瓮安明前绿茶", "Weng'an early-spring green tea", "茶叶", "斤", 5, 400, [(5, 280m), (20, 260m), (100, 240m)],
                [QualityLabelKind.Organic, QualityLabelKind.GreenFood], "高山云雾茶园，明前采摘一芽一叶。"),
            new("瓮安红茶", "Weng'an black tea", "茶叶", "斤", 5, 350, [(5, 180m), (50, 165m)],
                [QualityLabelKind.GreenFood], "工夫红茶工艺，汤色红亮。"),
        ]),
        new("522725", "瓮安县生态家禽就业帮扶车间", SupplierKind.Workshop, 8m, ["猴场村", "银盏村"],
        [
            new("瓮安生态土鸡蛋", "Weng'an free-range eggs", "禽蛋", "箱", 10, 900, [(10, 66m), (50, 62m), (200, 58m)],
                [QualityLabelKind.ComplianceCertificate], "每箱60枚，林下散养。"),
            new("精品蔬菜礼包", "Seasonal vegetable box", "蔬菜", "箱", 10, 600, [(10, 45m), (100, 41m)],
                None, "当季蔬菜组合，每箱8千克。"),
        ]),
        new("411727", "平舆县白芝麻种植专业合作社", SupplierKind.Cooperative, 10m, ["东和店村", "万冢村"],
        [
            new("平舆白芝麻", "Pingyu white sesame", "粮油", "kg", 25, 2000, [(25, 32m), (200, 29.5m), (1000, 27m)],
                [QualityLabelKind.GeographicalIndication], "国家地理标志产品，颗粒饱满。"),
            new("平舆小磨香油", "Pingyu stone-ground sesame oil", "粮油", "瓶", 24, 1500, [(24, 36m), (240, 33m)],
                [QualityLabelKind.GeographicalIndication, QualityLabelKind.ComplianceCertificate], "石磨水代法，每瓶500毫升。"),
        ]),
        new("411727", "平舆县藤编就业帮扶车间", SupplierKind.Workshop, 20m, ["射桥镇", "阳城镇"],
        [
            new("手工藤编果篮", "Handwoven rattan fruit basket", "手工艺品", "个", 20, 700, [(20, 38m), (100, 34m)],
                None, "就业帮扶车间手工编织，可用于食堂果盘。"),
        ]),
        new("341324", "泗县禾丰家庭农场", SupplierKind.FamilyFarm, 8m, ["草沟村", "大庄村"],
        [
            new("泗县红薯粉丝", "Sixian sweet potato vermicelli", "粮油", "kg", 20, 1000, [(20, 18m), (200, 16.5m)],
                [QualityLabelKind.ComplianceCertificate], "纯红薯淀粉，无添加。"),
            new("泗县稻虾米", "Sixian rice-crayfish co-cultured rice", "粮油", "袋", 20, 1500, [(20, 65m), (100, 60m), (500, 56m)],
                [QualityLabelKind.GreenFood], "稻虾共作，每袋10千克。"),
        ]),
        new("451228", "都安瑶山牛养殖专业合作社", SupplierKind.Cooperative, 12m, ["高岭村", "拉烈村"],
        [
            new("都安瑶山牛肉", "Du'an Yaoshan beef", "肉类", "kg", 10, 600, [(10, 118m), (50, 110m), (200, 102m)],
                [QualityLabelKind.GeographicalIndication, QualityLabelKind.ComplianceCertificate], "山地放养，冷链配送。"),
            new("黑山羊肉", "Black goat meat", "肉类", "kg", 10, 300, [(10, 128m), (50, 120m)],
                [QualityLabelKind.ComplianceCertificate], "都安黑山羊，分割冷冻。"),
        ]),
        new("451228", "都安县旱藕粉就业帮扶车间", SupplierKind.Workshop, 15m, ["地苏村", "澄江村"],
        [
            new("都安旱藕粉", "Du'an arrowroot starch", "粮油", "袋", 20, 1100, [(20, 26m), (200, 23m)],
                [QualityLabelKind.GreenFood], "旱藕手工磨粉，每袋1千克。"),
        ]),
        new("451228", "广西都安油茶龙头企业有限公司", SupplierKind.LeadingEnterprise, 6m, ["保安村", "板岭村"],
        [
            new("都安山茶油", "Du'an camellia oil", "粮油", "瓶", 12, 800, [(12, 158m), (120, 148m)],
                [QualityLabelKind.Organic, QualityLabelKind.ComplianceCertificate], "冷榨一级山茶油，每瓶2.5升。"),
            new("都安核桃", "Du'an walnuts", "坚果", "kg", 10, 500, [(10, 42m), (100, 38m)],
                None, "石山核桃，薄壳易剥。"),
        ]),
    ];

    private static readonly string[] Surnames = ["黄", "韦", "蓝", "罗", "陆", "李", "王", "张", "刘", "陈", "杨", "蒙", "潘", "覃"];
    private static readonly string[] GivenNames = ["建国", "秀英", "德明", "玉兰", "志强", "桂芳", "永福", "春花", "文华", "金凤", "海生", "美玲"];

    /// <summary>A deterministic invented name for the n-th demo household.</summary>
    public static string HouseholdHead(int n) => Surnames[n % Surnames.Length] + GivenNames[n * 7 % GivenNames.Length];
}
