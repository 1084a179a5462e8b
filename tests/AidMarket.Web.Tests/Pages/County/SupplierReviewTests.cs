using AidMarket.Domain.Organizations;
using AidMarket.Domain.Producers;

namespace AidMarket.Web.Tests.Pages.CountyDesk;

public class SupplierReviewTests(AppFixture app) : WebTest(app)
{
    public const string NewSupplierName = "田林县芒果种植专业合作社";

    public static Dictionary<string, string> RegistrationForm(string creditCode, string name = NewSupplierName, string share = "12.5") => new()
    {
        ["Input.Kind"] = "Cooperative", ["Input.LegalName"] = name, ["Input.CreditCode"] = creditCode, ["Input.CountyCode"] = "451029",
        ["Input.Address"] = "田林县乐里镇", ["Input.ContactName"] = "罗文华", ["Input.ContactPhone"] = "13907761234",
        ["Input.BankName"] = "广西农村信用社", ["Input.BankAccount"] = "6228 4800 1234 5678", ["Input.Description"] = "芒果种植与收购",
        ["Input.SharePercent"] = share, ["Input.Mechanism"] = "ProduceSupply", ["Input.PlanDescription"] = "按收购额12.5%返还脱贫户",
    };

    public static string CreditCode(int n) => AidMarket.Domain.Common.UnifiedSocialCreditCode.FromFirst17($"93451029TE{n:D7}").Value;

    /// <summary>Registers a new account and, with it, a supplier of 田林县; returns the signed-in browser.</summary>
    public static async Task<Browser> RegisterSupplierAsync(Browser browser, string email, string creditCode, string name = NewSupplierName)
    {
        await browser.SubmitAsync("/Identity/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "罗文华", ["Input.Email"] = email, ["Input.Password"] = "Mango2026x", ["Input.ConfirmPassword"] = "Mango2026x",
        });
        var response = await browser.SubmitAsync("/Suppliers/Register", RegistrationForm(creditCode, name));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException("Registration failed: " + Browser.ErrorsIn(await response.Content.ReadAsStringAsync()));
        return browser;
    }

    [Fact]
    public async Task A_registered_supplier_waits_for_its_county_and_is_approved_with_its_plan_in_force()
    {
        var applicant = await RegisterSupplierAsync(NewBrowser(), "luo@mango.cn", CreditCode(1));
        (await applicant.GetPageAsync("/Supplier")).ShouldContain("待审核");
        var supplier = await App.QueryAsync(db => db.Suppliers.Include(s => s.Plans).SingleAsync(s => s.LegalName == NewSupplierName));
        supplier.Status.ShouldBe(SupplierStatus.Pending);
        supplier.BankAccount.ShouldBe("6228480012345678");
        var member = await App.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "luo@mango.cn"));
        member.Role.ShouldBe(OrganizationRole.Manager);
        member.OrganizationId.ShouldBe(supplier.OrganizationId);

        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        await Eventually.ReturnsAsync(async () => await officer.GetPageAsync("/Notifications"), html => html.Contains(NewSupplierName));
        (await officer.GetPageAsync("/County/Suppliers")).ShouldContain(NewSupplierName);

        var approved = await officer.SubmitAsync($"/County/Suppliers/Details/{supplier.Id}", new Dictionary<string, string>(),
            $"/County/Suppliers/Details/{supplier.Id}?handler=Approve");
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await App.QueryAsync(db => db.Suppliers.Include(s => s.Plans).SingleAsync(s => s.Id == supplier.Id));
        after.Status.ShouldBe(SupplierStatus.Approved);
        after.CurrentPlan!.HouseholdSharePercent.ShouldBe(12.5m);
        (await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == supplier.Id && a.Action == "Audit.SupplierApproved")))
            .UserName.ShouldBe("田林县干部");
        await Eventually.ReturnsAsync(() => applicant.GetPageAsync("/Notifications"), html => html.Contains("已通过审核"));
        (await applicant.GetPageAsync("/Supplier")).ShouldContain("/Supplier/Products");
    }

    [Fact]
    public async Task A_bad_credit_code_is_explained_and_nothing_is_created()
    {
        var browser = NewBrowser();
        await browser.SubmitAsync("/Identity/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "测试", ["Input.Email"] = "bad@code.cn", ["Input.Password"] = "Mango2026x", ["Input.ConfirmPassword"] = "Mango2026x",
        });
        var wrongCheck = CreditCode(2)[..17] + (CreditCode(2)[17] == '0' ? '1' : '0');
        var response = await browser.SubmitAsync("/Suppliers/Register", RegistrationForm(wrongCheck));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("统一社会信用代码无效");
        (await App.QueryAsync(db => db.Suppliers.CountAsync(s => s.LegalName == NewSupplierName))).ShouldBe(0);
        (await App.QueryAsync(db => db.Organizations.CountAsync(o => o.Name == NewSupplierName))).ShouldBe(0);
        (await App.QueryAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Rejection_needs_a_reason_and_the_supplier_resubmits_corrected_details()
    {
        var applicant = await RegisterSupplierAsync(NewBrowser(), "luo@mango.cn", CreditCode(3));
        var id = await App.QueryAsync(db => db.Suppliers.Where(s => s.LegalName == NewSupplierName).Select(s => s.Id).SingleAsync());
        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        var url = $"/County/Suppliers/Details/{id}";

        var noReason = await officer.SubmitAsync(url, new Dictionary<string, string> { ["Reason"] = " " }, url + "?handler=Reject");
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("请填写原因");
        (await App.QueryAsync(db => db.Suppliers.SingleAsync(s => s.Id == id))).Status.ShouldBe(SupplierStatus.Pending);

        await officer.SubmitAsync(url, new Dictionary<string, string> { ["Reason"] = "营业执照照片不清晰" }, url + "?handler=Reject");
        (await App.QueryAsync(db => db.Suppliers.SingleAsync(s => s.Id == id))).Status.ShouldBe(SupplierStatus.Rejected);
        (await applicant.GetPageAsync("/Supplier")).ShouldContain("营业执照照片不清晰");

        var form = RegistrationForm(CreditCode(3));
        form["Input.Address"] = "田林县乐里镇新街12号";
        var resubmitted = await applicant.SubmitAsync("/Supplier", form, "/Supplier?handler=Resubmit");
        resubmitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await App.QueryAsync(db => db.Suppliers.Include(s => s.Plans).SingleAsync(s => s.Id == id));
        again.Status.ShouldBe(SupplierStatus.Pending);
        again.Address.ShouldBe("田林县乐里镇新街12号");
        again.Plans.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_changed_plan_waits_for_approval_and_the_history_is_kept()
    {
        var manager = NewBrowser();
        await manager.LogInOrThrowAsync("supplier@aidmarket.demo");
        var proposed = await manager.SubmitAsync("/Supplier", new Dictionary<string, string>
        {
            ["Input.SharePercent"] = "15", ["Input.Mechanism"] = "Employment", ["Input.PlanDescription"] = "吸纳脱贫户就业并分红",
        }, "/Supplier?handler=ProposePlan");
        proposed.StatusCode.ShouldBe(HttpStatusCode.Redirect, Browser.ErrorsIn(await proposed.Content.ReadAsStringAsync()));

        var supplier = await App.QueryAsync(db => db.Suppliers.Include(s => s.Plans).SingleAsync(s => s.LegalName == "田林县姬松茸种植专业合作社"));
        supplier.CurrentPlan!.HouseholdSharePercent.ShouldBe(12m);
        var pending = supplier.PendingPlan.ShouldNotBeNull();

        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        var url = $"/County/Suppliers/Details/{supplier.Id}";
        await officer.SubmitAsync(url, new Dictionary<string, string> { ["planId"] = pending.Id.ToString() }, url + "?handler=ApprovePlan");

        var after = await App.QueryAsync(db => db.Suppliers.Include(s => s.Plans).SingleAsync(s => s.Id == supplier.Id));
        after.CurrentPlan!.HouseholdSharePercent.ShouldBe(15m);
        after.Plans.Single(p => p.Version == 1).Status.ShouldBe(BenefitPlanStatus.Superseded);
        after.PlanInForceAt(after.Plans.Single(p => p.Version == 1).InForceFrom!.Value)!.Version.ShouldBe(1);
        var page = await manager.GetPageAsync("/Supplier");
        page.ShouldContain("data-testid=\"plan-1\"");
        page.ShouldContain("data-testid=\"plan-2\"");
    }

    [Fact]
    public async Task A_suspended_suppliers_products_leave_the_storefront_and_return_when_reinstated()
    {
        var supplier = await App.QueryAsync(db => db.Suppliers.SingleAsync(s => s.LegalName == "田林县姬松茸种植专业合作社"));
        var officer = NewBrowser();
        await officer.LogInOrThrowAsync("officer@aidmarket.demo");
        var url = $"/County/Suppliers/Details/{supplier.Id}";
        await officer.SubmitAsync(url, new Dictionary<string, string> { ["Reason"] = "食品安全抽检不合格" }, url + "?handler=Suspend");
        (await NewBrowser().GetPageAsync("/")).ShouldNotContain("田林姬松茸干品");

        await officer.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=Reinstate");
        (await NewBrowser().GetPageAsync("/")).ShouldContain("田林姬松茸干品");
        (await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == supplier.Id))).ShouldBe(2);
    }

    [Fact]
    public async Task An_officer_of_another_county_gets_404_and_changes_nothing()
    {
        await App.CreateUserAsync("officer.wengan@aidmarket.demo", "瓮安县乡村振兴局", OrganizationRole.Officer);
        var supplier = await App.QueryAsync(db => db.Suppliers.SingleAsync(s => s.LegalName == "田林县姬松茸种植专业合作社"));
        var other = NewBrowser();
        await other.LogInOrThrowAsync("officer.wengan@aidmarket.demo");
        var url = $"/County/Suppliers/Details/{supplier.Id}";

        (await other.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = Browser.TokenFrom(await other.GetPageAsync("/County/Suppliers"));
        var suspend = await other.PostWithTokenAsync(url + "?handler=Suspend", new Dictionary<string, string> { ["Reason"] = "越权" }, token);
        suspend.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetPageAsync("/County/Suppliers")).ShouldNotContain("田林县姬松茸种植专业合作社");
        (await App.QueryAsync(db => db.Suppliers.SingleAsync(s => s.Id == supplier.Id))).Status.ShouldBe(SupplierStatus.Approved);
        (await App.QueryAsync(db => db.AuditEntries.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Suppliers_buyers_and_anonymous_visitors_cannot_open_county_pages()
    {
        var supplier = NewBrowser();
        await supplier.LogInOrThrowAsync("supplier@aidmarket.demo");
        (await supplier.GetAsync("/County/Suppliers")).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        var buyer = NewBrowser();
        await buyer.LogInOrThrowAsync("purchaser@aidmarket.demo");
        (await buyer.GetAsync("/Supplier")).Headers.Location!.OriginalString.ShouldContain("AccessDenied");
        (await NewBrowser().GetAsync("/Suppliers/Register")).Headers.Location!.OriginalString.ShouldContain("/Identity/Account/Login");
    }
}
