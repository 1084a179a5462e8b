using System.Diagnostics;
using System.Text;
using AidMarket.Domain.Producers;
using AidMarket.Web.Imports;
using MiniExcelLibs;

namespace AidMarket.Web.Tests.Imports;

public partial class ImportTests(AppFixture app) : WebTest(app)
{
    private const string Header = "户主姓名,身份证号码,村,家庭人口,户类型,申报年收入（元）,惠农一卡通账号,联结主体统一社会信用代码,联结方式,联结权重";

    /// <summary>A valid ID number for the n-th imported household, distinct from the demo data's.</summary>
    private static string IdFor(int n) => ChineseIdNumber.FromFirst17($"451029{new DateOnly(1950, 1, 1).AddDays(n % 20000):yyyyMMdd}{n / 20000 + 500:D3}").Value;

    private static string Households(int count, string supplierCode = "", Func<int, string?>? replaceRow = null)
    {
        var sb = new StringBuilder(Header).AppendLine();
        string[] villages = ["八渡村", "六丰村", "那拉村", "乐里村"];
        string[] statuses = ["脱贫户", "脱贫不稳定户", "边缘易致贫户"];
        for (int i = 0; i < count; i++)
            sb.AppendLine(replaceRow?.Invoke(i) ?? $"测试户{i},{IdFor(i)},{villages[i % 4]},{1 + i % 6},{statuses[i % 3]},{8000 + i % 5000},6217003760{i:D9},{(i % 10 == 0 ? supplierCode : "")},订单收购,{1 + i % 3}");
        return sb.ToString();
    }

    private async Task<Browser> OfficerAsync()
    {
        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        return officer;
    }

    private async Task<ImportJob> UploadAndWaitAsync(Browser browser, string page, byte[] file, string fileName)
    {
        var response = await browser.UploadAsync(page, page, "file", file, fileName, fileName.EndsWith(".csv") ? "text/csv" : "application/octet-stream");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await response.Content.ReadAsStringAsync()));
        var jobId = Guid.Parse(response.Headers.Location!.OriginalString.Split("job=")[1]);
        return await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId)),
            j => j.IsFinished, TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task Ten_thousand_households_with_one_bad_row_at_the_end_import_nothing_and_name_the_row_then_all_import()
    {
        var officer = await OfficerAsync();
        var supplierCode = await App.QueryAsync(db => db.Suppliers.Where(s => s.LegalName == "田林县八渡笋专业合作社").Select(s => s.CreditCode).SingleAsync());
        var before = await App.QueryAsync(db => db.Households.CountAsync());
        const int rows = 10_000;
        var bad = Households(rows, supplierCode, i => i == rows - 1 ? $"最后一户,{IdFor(i)[..17]}0,八渡村,3,脱贫户,9000,,,," : null);
        if (bad.Contains(IdFor(rows - 1))) throw new InvalidOperationException("the bad row must differ from the good one");

        var failed = await UploadAndWaitAsync(officer, "/County/Households/Import", Encoding.UTF8.GetBytes(bad), "households.csv");
        failed.Status.ShouldBe(ImportStatus.Failed);
        failed.ErrorCount.ShouldBe(1);
        var only = failed.ErrorList.ShouldHaveSingleItem();
        (only.Row, only.Column, only.Key).ShouldBe((rows + 1, "身份证号码", "Error.IdNumber.Invalid"));
        (await App.QueryAsync(db => db.Households.CountAsync())).ShouldBe(before);
        var page = await officer.GetPageAsync($"/County/Households/Import?job={failed.Id}");
        page.ShouldContain("未导入任何数据");
        page.ShouldContain($"<td>{rows + 1}</td><td>身份证号码</td>");

        var timer = Stopwatch.StartNew();
        var good = await UploadAndWaitAsync(officer, "/County/Households/Import", Encoding.UTF8.GetBytes(Households(rows, supplierCode)), "households.csv");
        timer.Stop();
        good.Status.ShouldBe(ImportStatus.Succeeded, string.Join("; ", good.ErrorList.Take(5)));
        good.Imported.ShouldBe(rows);
        TestContext.Current.TestOutputHelper?.WriteLine($"Imported {rows} households in {timer.Elapsed.TotalSeconds:0.0} s (job {good.Duration!.Value.TotalSeconds:0.0} s)");
        timer.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));

        (await App.QueryAsync(db => db.Households.CountAsync())).ShouldBe(before + rows);
        var supplierId = await App.QueryAsync(db => db.Suppliers.Where(s => s.CreditCode == supplierCode).Select(s => s.Id).SingleAsync());
        (await App.QueryAsync(db => db.BenefitLinks.CountAsync(k => k.SupplierId == supplierId && k.Status == LinkStatus.Confirmed))).ShouldBe(5 + rows / 10);
        (await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Audit.HouseholdCreated"))).ShouldBe(rows);
        (await officer.GetPageAsync($"/County/Households/Import?job={good.Id}")).ShouldContain("已全部导入");
    }

    [Fact]
    public async Task Every_problem_is_listed_by_row_and_column_including_duplicates_and_unknown_suppliers()
    {
        var officer = await OfficerAsync();
        var csv = new StringBuilder(Header).AppendLine()
            .AppendLine($"甲,{IdFor(1)},八渡村,4,脱贫户,9000,,,,")
            .AppendLine($"乙,{IdFor(1)},八渡村,0,贫困户,-5,12ab,91350100M000100Y43,打工,")
            .AppendLine($",,,,,,,,,")
            .AppendLine($"丙,{IdFor(2)},,3,边缘户,,,,,").ToString();
        var job = await UploadAndWaitAsync(officer, "/County/Households/Import", Encoding.UTF8.GetBytes(csv), "problems.csv");
        job.Status.ShouldBe(ImportStatus.Failed);
        var errors = job.ErrorList.Select(e => (e.Row, e.Column, e.Key)).ToList();
        errors.ShouldContain((3, "家庭人口", "Import.IntRange"));
        errors.ShouldContain((3, "户类型", "Import.HouseholdStatus"));
        errors.ShouldContain((3, "申报年收入（元）", "Import.NumberMin"));
        errors.ShouldContain((3, "惠农一卡通账号", "Import.Account"));
        errors.ShouldContain((3, "联结方式", "Import.LinkKind"));
        errors.ShouldContain((4, "村", "Import.Required")); // the blank row 4 is skipped; row 5 lacks its village
        errors.ShouldNotContain(e => e.Row == 2);
        (await App.QueryAsync(db => db.Households.CountAsync(h => h.HeadName == "甲"))).ShouldBe(0);

        var duplicates = new StringBuilder(Header).AppendLine()
            .AppendLine($"甲,{IdFor(7)},八渡村,4,脱贫户,,,,,")
            .AppendLine($"乙,{IdFor(7)},八渡村,4,脱贫户,,,91350100M000100Y43,订单收购,1").ToString();
        var second = await UploadAndWaitAsync(officer, "/County/Households/Import", Encoding.UTF8.GetBytes(duplicates), "dups.csv");
        second.ErrorList.Select(e => (e.Row, e.Key)).ShouldBe([(3, "Import.DuplicateInFile"), (3, "Import.SupplierNotFound")], ignoreOrder: true);
        second.ErrorList.Single(e => e.Key == "Import.DuplicateInFile").Arguments.ShouldBe(["2"]);
    }

    [Fact]
    public async Task An_Excel_workbook_and_a_GB18030_csv_from_Chinese_Excel_are_both_read()
    {
        var officer = await OfficerAsync();
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(new[]
        {
            new Dictionary<string, object> { ["户主姓名"] = "韦导入", ["身份证号码"] = IdFor(11), ["村"] = "那拉村", ["家庭人口"] = 3, ["户类型"] = "脱贫户", ["申报年收入（元）"] = 10500.5 },
        }, excelType: ExcelType.XLSX);
        (await UploadAndWaitAsync(officer, "/County/Households/Import", xlsx.ToArray(), "户籍.xlsx")).Status.ShouldBe(ImportStatus.Succeeded);
        (await App.QueryAsync(db => db.Households.SingleAsync(h => h.HeadName == "韦导入"))).BaselineIncome.Fen.ShouldBe(1_050_050);

        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("GB18030").GetBytes($"户主姓名,身份证号码,村,家庭人口,户类型\r\n覃导入,{IdFor(12)},六丰村,2,边缘易致贫户\r\n");
        (await UploadAndWaitAsync(officer, "/County/Households/Import", gb, "gbk.csv")).Status.ShouldBe(ImportStatus.Succeeded);
        (await App.QueryAsync(db => db.Households.SingleAsync(h => h.HeadName == "覃导入"))).Status.ShouldBe(HouseholdStatus.Edge);
    }

    [Fact]
    public async Task A_file_that_is_not_a_sheet_is_refused_before_anything_starts()
    {
        var officer = await OfficerAsync();
        var response = await officer.UploadAsync("/County/Households/Import", "/County/Households/Import", "file", "%PDF-1.4"u8.ToArray(), "scan.pdf", "application/pdf");
        Browser.ErrorsIn(await response.Content.ReadAsStringAsync()).ShouldContain("请上传 .xlsx 或 .csv 文件");
        var broken = await officer.UploadAsync("/County/Households/Import", "/County/Households/Import", "file", "not a zip"u8.ToArray(), "broken.xlsx", "application/octet-stream");
        Browser.ErrorsIn(await broken.Content.ReadAsStringAsync()).ShouldContain("无法读取");
        (await App.QueryAsync(db => db.ImportJobs.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Templates_download_with_the_columns_the_import_reads()
    {
        var officer = await OfficerAsync();
        var csv = await officer.GetAsync("/County/Households/Import?handler=Template&format=csv");
        csv.Content.Headers.ContentDisposition!.FileName!.ShouldContain("households-template.csv");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        text.Split('\n')[0].Trim().ShouldBe(Header);
        var xlsx = await officer.GetAsync("/County/Households/Import?handler=Template&format=xlsx");
        var rows = MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.ShouldHaveSingleItem().Keys.ShouldContain("身份证号码");
        // The template's own example row imports cleanly.
        (await UploadAndWaitAsync(officer, "/County/Households/Import", Encoding.UTF8.GetBytes(text), "template.csv")).Status.ShouldBe(ImportStatus.Succeeded);
    }

    [Fact]
    public async Task A_supplier_imports_products_as_drafts_and_a_bad_tier_stops_the_whole_file()
    {
        var manager = NewBrowser();
        await manager.LogInOrThrowAsync("supplier@aidmarket.demo");
        var header = "中文名称,英文名称,品类,单位,包装规格,生产基地,起订量,库存,价格分档,描述";
        var good = $"{header}\n松茸干片,Matsutake slices,食用菌,斤,250克/袋,八渡村,10,300,10:88;50:80,切片烘干\n姬松茸粉,,食用菌,瓶,100克/瓶,八渡村,20,200,35.5,\n";
        var job = await UploadAndWaitAsync(manager, "/Supplier/Products/Import", Encoding.UTF8.GetBytes(good), "products.csv");
        job.Status.ShouldBe(ImportStatus.Succeeded, string.Join("; ", job.ErrorList));
        var imported = await App.QueryAsync(db => db.Products.Where(p => p.NameZh == "松茸干片" || p.NameZh == "姬松茸粉").ToListAsync());
        imported.Count.ShouldBe(2);
        imported.ShouldAllBe(p => p.CertificationStatus == Domain.Catalog.CertificationStatus.Draft);
        imported.Single(p => p.NameZh == "松茸干片").TierPrices.Select(t => t.UnitPrice.Fen).ShouldBe([8800L, 8000L]);

        var bad = $"{header}\n笋干礼盒,,山珍干货,盒,,,5,10,5:60;10:70,\n";
        var failed = await UploadAndWaitAsync(manager, "/Supplier/Products/Import", Encoding.UTF8.GetBytes(bad), "bad.csv");
        var only = failed.ErrorList.ShouldHaveSingleItem();
        (only.Row, only.Column, only.Key).ShouldBe((2, "价格分档", "Error.Product.TiersOrder"));
        (await App.QueryAsync(db => db.Products.CountAsync(p => p.NameZh == "笋干礼盒"))).ShouldBe(0);
    }

    [Fact]
    public async Task Another_organizations_import_job_is_404()
    {
        var officer = await OfficerAsync();
        var job = await UploadAndWaitAsync(officer, "/County/Households/Import", Encoding.UTF8.GetBytes($"{Header}\n甲,{IdFor(21)},八渡村,4,脱贫户,,,,,\n"), "one.csv");
        var supplier = NewBrowser();
        await supplier.LogInOrThrowAsync("supplier@aidmarket.demo");
        (await supplier.GetAsync($"/imports/{job.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await supplier.GetAsync($"/Supplier/Products/Import?job={job.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync($"/imports/{job.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await NewBrowser().GetAsync($"/imports/{job.Id}")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_import_cannot_link_households_to_a_supplier_that_is_not_approved()
    {
        var officer = await OfficerAsync();
        var supplier = await App.QueryAsync(db => db.Suppliers.SingleAsync(s => s.LegalName == "田林县八渡笋专业合作社"));
        var url = $"/County/Suppliers/Details/{supplier.Id}";
        await officer.SubmitAsync(url, new Dictionary<string, string> { ["Reason"] = "整改" }, url + "?handler=Suspend");
        var id = ChineseIdNumber.FromFirst17("45102919700101901").Value;
        var csv = $"户主姓名,身份证号码,村,家庭人口,户类型,联结主体统一社会信用代码\n测试暂停,{id},八渡村,3,脱贫户,{supplier.CreditCode}\n";
        var response = await officer.UploadAsync("/County/Households/Import", "/County/Households/Import", "file", Encoding.UTF8.GetBytes(csv), "s.csv", "text/csv");
        var jobId = Guid.Parse(response.Headers.Location!.OriginalString.Split("job=")[1]);
        var job = await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId)), j => j.IsFinished);
        job.ErrorList.ShouldHaveSingleItem().Key.ShouldBe("Import.SupplierNotFound");
        (await App.QueryAsync(db => db.Households.CountAsync(h => h.HeadName == "测试暂停"))).ShouldBe(0);
    }
}
