using AidMarket.BrowserTests.Infrastructure;
using AidMarket.BrowserTests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AidMarket.BrowserTests;

/// <summary>A canteen buys from two aided-county suppliers, end to end, as its people click through it.</summary>
public class ProcurementFlowTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Password = "Demo@2026";

    private async Task<IPage> LogInAsync(string email)
    {
        var page = await app.NewPageAsync();
        await new LoginPage(page).LogInAsync(email, Password);
        return page;
    }

    [Fact]
    public async Task Search_in_Chinese_order_from_two_suppliers_approve_ship_from_a_lot_accept_part()
    {
        var purchaser = await LogInAsync("purchaser@aidmarket.demo");
        await ProcurementSteps.AddToCartAsync(purchaser, "松茸", "田林姬松茸干品", 50);
        await ProcurementSteps.AddToCartAsync(purchaser, "红茶", "瓮安红茶", 10);
        await Expect(purchaser.GetByTestId("cart-total")).ToHaveTextAsync("¥6,400.00"); // 50 × 92 + 10 × 180
        var orderForm = purchaser.GetByRole(AriaRole.Region, new() { Name = "提交采购订单" });
        await orderForm.GetByLabel("本单位采购单号").FillAsync("HZ-2026-0301");
        await orderForm.GetByLabel("收货地址").FillAsync("广州市海珠区江南大道中1号机关食堂");
        await orderForm.GetByRole(AriaRole.Button, new() { Name = "提交订单" }).ClickAsync();
        await Expect(purchaser.GetByTestId("order-status")).ToContainTextAsync("待审批");
        var orderUrl = purchaser.Url;

        var approver = await LogInAsync("approver@aidmarket.demo");
        await approver.GotoAsync(orderUrl);
        await approver.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Expect(approver.GetByTestId("order-status")).ToContainTextAsync("已下单");
        await Expect(approver.GetByTestId("supplier-order")).ToHaveCountAsync(2);

        var supplier = await LogInAsync("supplier@aidmarket.demo");
        await supplier.GetByRole(AriaRole.Navigation).First.GetByRole(AriaRole.Link, new() { Name = "订单", Exact = true }).ClickAsync();
        await supplier.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^PO-") }).First.ClickAsync();
        await supplier.GetByRole(AriaRole.Button, new() { Name = "确认订单" }).ClickAsync();
        await Expect(supplier.GetByTestId("supplier-order-status")).ToHaveTextAsync("已确认");
        await supplier.GetByLabel("田林姬松茸干品本次发货数量").FillAsync("50");
        await Expect(supplier.GetByLabel("田林姬松茸干品的批次")).ToContainTextAsync("-01");
        await supplier.GetByLabel("承运方（选填）").FillAsync("顺丰速运");
        await supplier.GetByRole(AriaRole.Button, new() { Name = "发货", Exact = true }).ClickAsync();
        await Expect(supplier.GetByTestId("supplier-order-status")).ToHaveTextAsync("已发货");
        await supplier.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^DN-") }).ClickAsync();
        await Expect(supplier.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("发货单");
        await supplier.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("delivery-note-zh"), FullPage = true });

        var receiver = await LogInAsync("receiver@aidmarket.demo");
        await receiver.GotoAsync(orderUrl);
        await receiver.GetByRole(AriaRole.Link, new() { Name = "登记验收" }).ClickAsync();
        await receiver.GetByLabel("田林姬松茸干品验收合格数量").FillAsync("48");
        await receiver.GetByLabel("田林姬松茸干品拒收数量").FillAsync("2");
        await receiver.GetByLabel("拒收田林姬松茸干品的原因").FillAsync("两袋受潮");
        await receiver.GetByRole(AriaRole.Button, new() { Name = "登记验收" }).ClickAsync();
        await Expect(receiver.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("验收单");
        await Expect(receiver.GetByTestId("payable")).ToHaveTextAsync("¥4,416.00"); // 48 × ¥92.00
        await Expect(receiver.GetByTestId("acceptance-line")).ToContainTextAsync("两袋受潮");
        await receiver.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("acceptance-form-zh"), FullPage = true });
    }
}
