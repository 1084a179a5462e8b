using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AidMarket.BrowserTests.Pages;

/// <summary>The steps of buying, as each person clicks them (zh-CN labels), shared by the flows that need an order.</summary>
public static class ProcurementSteps
{
    public static async Task AddToCartAsync(IPage page, string search, string product, int quantity)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "搜索商品" }).FillAsync(search);
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = product }).ClickAsync();
        await page.GetByLabel("数量").FillAsync(quantity.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "加入购物车" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已加入购物车");
    }

    /// <summary>Submits the cart (below the approval threshold it is placed at once); returns the order's URL.</summary>
    public static async Task<string> SubmitCartAsync(IPage purchaser, string address)
    {
        var orderForm = purchaser.GetByRole(AriaRole.Region, new() { Name = "提交采购订单" });
        await orderForm.GetByLabel("收货地址").FillAsync(address);
        await orderForm.GetByRole(AriaRole.Button, new() { Name = "提交订单" }).ClickAsync();
        await Expect(purchaser.GetByTestId("order-status")).ToContainTextAsync("已下单");
        return purchaser.Url;
    }

    /// <summary>The supplier confirms its newest order and ships all of one product from its lot.</summary>
    public static async Task ConfirmAndShipAsync(IPage supplier, string product, int quantity)
    {
        await supplier.GetByRole(AriaRole.Navigation).First.GetByRole(AriaRole.Link, new() { Name = "订单", Exact = true }).ClickAsync();
        await supplier.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^PO-") }).First.ClickAsync();
        await supplier.GetByRole(AriaRole.Button, new() { Name = "确认订单" }).ClickAsync();
        await Expect(supplier.GetByTestId("supplier-order-status")).ToHaveTextAsync("已确认");
        await supplier.GetByLabel($"{product}本次发货数量").FillAsync(quantity.ToString());
        await supplier.GetByRole(AriaRole.Button, new() { Name = "发货", Exact = true }).ClickAsync();
        await Expect(supplier.GetByTestId("supplier-order-status")).ToHaveTextAsync("已发货");
    }

    /// <summary>The receiver accepts everything of one product that arrived.</summary>
    public static async Task AcceptAllAsync(IPage receiver, string orderUrl, string product, int quantity)
    {
        await receiver.GotoAsync(orderUrl);
        await receiver.GetByRole(AriaRole.Link, new() { Name = "登记验收" }).ClickAsync();
        await receiver.GetByLabel($"{product}验收合格数量").FillAsync(quantity.ToString());
        await receiver.GetByRole(AriaRole.Button, new() { Name = "登记验收" }).ClickAsync();
        await Expect(receiver.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("验收单");
    }
}
