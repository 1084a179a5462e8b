using AidMarket.BrowserTests.Infrastructure;
using AidMarket.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AidMarket.BrowserTests;

/// <summary>The county's gatekeeping end to end, as the people involved click through it.</summary>
public class SupplySideFlowTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Cooperative = "田林县乐里芒果专业合作社";
    private const string Mango = "乐里台农芒果";

    private static ILocator MainOf(IPage page) => page.GetByRole(AriaRole.Main);

    [Fact]
    public async Task Register_approve_link_product_and_lot_certify_storefront_revoke_gone()
    {
        var supplier = await app.NewPageAsync();
        var officer = await app.NewPageAsync();

        // A cooperative manager creates an account and registers the cooperative.
        await supplier.GotoAsync("/Identity/Account/Register");
        await supplier.GetByLabel("姓名").FillAsync("罗芒果");
        await supplier.GetByLabel("邮箱").FillAsync("luo@leli-mango.cn");
        await supplier.GetByLabel("密码", new() { Exact = true }).FillAsync("Mango2026x");
        await supplier.GetByLabel("确认密码").FillAsync("Mango2026x");
        await MainOf(supplier).GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await supplier.GetByRole(AriaRole.Link, new() { Name = "帮扶主体入驻申请" }).ClickAsync();
        await supplier.GetByLabel("县", new() { Exact = true }).SelectOptionAsync("451029");
        await supplier.GetByLabel("主体名称").FillAsync(Cooperative);
        var creditCode = Domain.Common.UnifiedSocialCreditCode.FromFirst17("93451029MA5L0G0T1").Value;
        await supplier.GetByLabel("统一社会信用代码").FillAsync(creditCode[..17] + (creditCode[17] == '0' ? '1' : '0'));
        await supplier.GetByLabel("地址").FillAsync("田林县乐里镇");
        await supplier.GetByLabel("联系人").FillAsync("罗芒果");
        await supplier.GetByLabel("联系电话").FillAsync("13907761234");
        await supplier.GetByLabel("开户银行").FillAsync("广西农村信用社");
        await supplier.GetByLabel("收款银行账号").FillAsync("622848001234567890");
        await supplier.GetByLabel("脱贫户收益分成比例（%）").FillAsync("12.5");
        await supplier.GetByLabel("联农带农方式说明").FillAsync("按收购额的12.5%向供货脱贫户二次分配");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Expect(supplier.GetByText("统一社会信用代码无效")).ToBeVisibleAsync(); // a bad code is explained, nothing saved
        await supplier.GetByLabel("统一社会信用代码").FillAsync(creditCode);
        await supplier.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Expect(supplier.GetByTestId("supplier-status")).ToContainTextAsync("待审核");

        // The county officer approves it.
        await new LoginPage(officer).LogInAsync("officer@aidmarket.demo", "Demo@2026");
        await officer.GotoAsync("/County/Suppliers");
        await officer.GetByRole(AriaRole.Link, new() { Name = Cooperative }).ClickAsync();
        await officer.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Expect(officer.GetByTestId("supplier-status")).ToContainTextAsync("已通过");

        // The officer registers a household; the cooperative links it by its statement card code; the officer confirms.
        await officer.GotoAsync("/County/Households/Edit");
        await officer.GetByLabel("户主", new() { Exact = true }).FillAsync("黄芒花");
        await officer.GetByLabel("身份证号码").FillAsync(Domain.Producers.ChineseIdNumber.FromFirst17("45102919790808002").Value);
        await officer.GetByLabel("村", new() { Exact = true }).FillAsync("乐里村");
        await officer.GetByLabel("家庭人口").FillAsync("4");
        await officer.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var cardCode = (await officer.GetByTestId("card-code").TextContentAsync())!.Trim();

        await supplier.GotoAsync("/Supplier/Links");
        await supplier.GetByLabel("明白卡编号").FillAsync(cardCode);
        await supplier.GetByLabel("权重").FillAsync("2");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "提交确认" }).ClickAsync();
        await Expect(supplier.GetByRole(AriaRole.Cell, new() { Name = "待确认" })).ToBeVisibleAsync();
        await officer.GotoAsync("/County/Links");
        await officer.GetByRole(AriaRole.Article).Filter(new() { HasText = Cooperative }).GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("已确认利益联结");

        // The cooperative adds a product and a lot supplied by that household, and applies for certification.
        await supplier.GotoAsync("/Supplier/Products/Edit");
        await supplier.GetByLabel("中文名称").FillAsync(Mango);
        await supplier.GetByLabel("品类").SelectOptionAsync("水果");
        await supplier.GetByLabel("单位").SelectOptionAsync("箱");
        await supplier.GetByLabel("包装规格").FillAsync("5千克/箱");
        await supplier.GetByLabel("起订量").FillAsync("10");
        await supplier.GetByLabel("可售库存").FillAsync("400");
        await supplier.GetByLabel("起订数量（第 1 档）").FillAsync("10");
        await supplier.GetByLabel("单价（元，第 1 档）").FillAsync("-3");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(supplier.GetByText("价格必须大于零")).ToBeVisibleAsync();
        await supplier.GetByLabel("单价（元，第 1 档）").FillAsync("68");
        await supplier.GetByLabel("起订数量（第 2 档）").FillAsync("100");
        await supplier.GetByLabel("单价（元，第 2 档）").FillAsync("62");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await supplier.GetByRole(AriaRole.Link, new() { Name = "登记批次" }).ClickAsync();
        await supplier.GetByLabel("批次号").FillAsync("LL-20261120");
        await supplier.GetByLabel("黄**（乐里村）").FillAsync("350");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(supplier.GetByRole(AriaRole.Cell, new() { Name = "LL-20261120" })).ToBeVisibleAsync();
        await supplier.GetByRole(AriaRole.Button, new() { Name = "申请帮扶产品认定" }).ClickAsync();
        await Expect(supplier.GetByTestId("certification-status")).ToContainTextAsync("待认定");

        // The officer certifies it beside the plan and households; it is on the storefront.
        await officer.GotoAsync("/County/Certifications");
        await officer.GetByRole(AriaRole.Link, new() { Name = Mango }).ClickAsync();
        await Expect(officer.GetByText("12.5% · 订单收购")).ToBeVisibleAsync();
        await officer.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("certification-review-zh"), FullPage = true });
        await officer.GetByRole(AriaRole.Button, new() { Name = "认定", Exact = true }).ClickAsync();
        await Expect(officer.GetByTestId("certification-status")).ToContainTextAsync("已认定");

        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/");
        var card = visitor.GetByRole(AriaRole.Article).Filter(new() { Has = visitor.GetByRole(AriaRole.Heading, new() { Name = Mango }) });
        await Expect(card).ToContainTextAsync(Cooperative);
        await Expect(card).ToContainTextAsync("¥68.00");
        await Expect(card).ToContainTextAsync("451029-");

        // Revoked: it leaves the storefront at once.
        await officer.GetByLabel("原因（驳回或撤销时必填）").FillAsync("抽检不合格");
        await officer.GetByRole(AriaRole.Button, new() { Name = "撤销" }).ClickAsync();
        await Expect(officer.GetByTestId("certification-status")).ToContainTextAsync("已撤销");
        await visitor.ReloadAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = Mango })).ToHaveCountAsync(0);
        await supplier.ReloadAsync();
        await Expect(supplier.GetByTestId("certification-status")).ToContainTextAsync("抽检不合格");
        await supplier.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("supplier-product-revoked-zh"), FullPage = true });
    }
}
