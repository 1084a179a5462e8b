using AidMarket.Domain.Organizations;

namespace AidMarket.Web.Tests.Pages.SupplierDesk;

/// <summary>
/// A supplier's manager sets the Stripe connected account its payouts go to on its own workspace page, as it keeps its bank
/// account: checked for its format, one supplier per account, and only ever its own supplier whatever the form says.
/// </summary>
public class StripeAccountTests(AppFixture app) : WebTest(app)
{
    private const string Tianlin = "田林县姬松茸种植专业合作社";
    private const string Badu = "田林县八渡笋专业合作社";

    private static Task<HttpResponseMessage> SaveAsync(Browser manager, string account, IDictionary<string, string>? extra = null, string query = "") =>
        manager.SubmitAsync("/Supplier", new Dictionary<string, string>(extra ?? new Dictionary<string, string>()) { ["StripeAccount"] = account },
            $"/Supplier?handler=StripeAccount{query}");

    private Task<string?> AccountOfAsync(string supplier) =>
        App.QueryAsync(db => db.Suppliers.Where(s => s.LegalName == supplier).Select(s => s.StripeAccountId).SingleAsync());

    [Fact]
    public async Task A_manager_sets_changes_and_removes_its_account_and_a_malformed_one_is_explained_in_Chinese_and_English()
    {
        var manager = NewBrowser();
        await manager.LogInOrThrowAsync("supplier@aidmarket.demo");
        (await manager.GetPageAsync("/Supplier")).ShouldContain("Stripe 关联账户");

        var saved = await SaveAsync(manager, "  acct_1Nv0FGQ9RKHgCVdK ");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await saved.Content.ReadAsStringAsync()));
        (await AccountOfAsync(Tianlin)).ShouldBe("acct_1Nv0FGQ9RKHgCVdK");
        (await manager.GetPageAsync("/Supplier")).ShouldContain("已保存 Stripe 账户 acct_1Nv0FGQ9RKHgCVdK");

        var bad = await SaveAsync(manager, "acct-1Nv0FGQ9");
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        Browser.ErrorsIn(await bad.Content.ReadAsStringAsync()).ShouldContain("Stripe 关联账户 ID 应为 acct_ 加字母和数字");
        (await AccountOfAsync(Tianlin)).ShouldBe("acct_1Nv0FGQ9RKHgCVdK");
        await manager.GetAsync("/culture?culture=en&returnUrl=/Supplier");
        Browser.ErrorsIn(await (await SaveAsync(manager, "cus_1Nv0FGQ9RKHgCVdK")).Content.ReadAsStringAsync())
            .ShouldContain("A Stripe connected account id is acct_ followed by letters and digits");

        (await SaveAsync(manager, "")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AccountOfAsync(Tianlin)).ShouldBeNull();
        (await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "Audit.StripeAccountSet"))).ShouldBe(2);
    }

    [Fact]
    public async Task A_supplier_manager_cannot_set_another_suppliers_account_nor_take_its_account_nor_reach_the_payouts_page()
    {
        await App.CreateUserAsync("manager@badu.demo", Badu, OrganizationRole.Manager);
        var tianlin = NewBrowser();
        await tianlin.LogInOrThrowAsync("supplier@aidmarket.demo");
        (await SaveAsync(tianlin, "acct_1Nv0FGQ9RKHgCVdK")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var tianlinId = await App.QueryAsync(db => db.Suppliers.Where(s => s.LegalName == Tianlin).Select(s => s.Id).SingleAsync());
        var badu = NewBrowser();
        await badu.LogInOrThrowAsync("manager@badu.demo");

        // Naming the other supplier in the form or the address changes only the manager's own.
        var aimed = await SaveAsync(badu, "acct_BaduOwnAccount01", new Dictionary<string, string> { ["id"] = tianlinId.ToString(), ["supplierId"] = tianlinId.ToString() },
            $"&id={tianlinId}&supplierId={tianlinId}");
        aimed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AccountOfAsync(Tianlin)).ShouldBe("acct_1Nv0FGQ9RKHgCVdK");
        (await AccountOfAsync(Badu)).ShouldBe("acct_BaduOwnAccount01");

        var taken = await SaveAsync(badu, "acct_1Nv0FGQ9RKHgCVdK");
        taken.StatusCode.ShouldBe(HttpStatusCode.OK);
        Browser.ErrorsIn(await taken.Content.ReadAsStringAsync()).ShouldContain("该 Stripe 账户已属于其他供应商");
        (await AccountOfAsync(Badu)).ShouldBe("acct_BaduOwnAccount01");

        (await badu.GetAsync("/Admin/Payouts")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }
}
