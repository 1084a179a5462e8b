using System.Text.RegularExpressions;

namespace AidMarket.Web.Tests.Areas.Identity;

public partial class AccountTests(AppFixture app) : WebTest(app)
{
    public static TheoryData<string, string> DemoRoles() => new()
    {
        { "admin@aidmarket.demo", "管理员" }, { "officer@aidmarket.demo", "干部" }, { "supplier@aidmarket.demo", "负责人" },
        { "purchaser@aidmarket.demo", "采购员" }, { "approver@aidmarket.demo", "审批人" }, { "finance@aidmarket.demo", "财务" },
        { "receiver@aidmarket.demo", "验收员" }, { "buyeradmin@aidmarket.demo", "管理员" }, { "partner@aidmarket.demo", "干部" },
    };

    [Theory]
    [MemberData(nameof(DemoRoles))]
    public async Task Every_demo_user_logs_in_and_sees_their_role(string email, string roleName)
    {
        var browser = NewBrowser();
        (await browser.LogInAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var home = await browser.GetPageAsync("/");
        home.ShouldContain($"data-testid=\"current-role\">{roleName}</span>");
        home.ShouldContain("退出登录");
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_and_no_cookie()
    {
        var browser = NewBrowser();
        var response = await browser.LogInAsync("purchaser@aidmarket.demo", "not-the-password");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("邮箱或密码不正确。");
        (await browser.GetAsync("/Notifications")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_and_the_login_page_says_so_even_for_the_right_password()
    {
        var browser = NewBrowser();
        for (int i = 0; i < 5; i++) await browser.LogInAsync("finance@aidmarket.demo", "wrong-" + i);

        var withRightPassword = await browser.LogInAsync("finance@aidmarket.demo");
        withRightPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withRightPassword.Content.ReadAsStringAsync()).ShouldContain("账户已被锁定");
        var lockoutEnd = await App.QueryAsync(db => db.Users.Where(u => u.Email == "finance@aidmarket.demo").Select(u => u.LockoutEnd).SingleAsync());
        lockoutEnd.ShouldNotBeNull();
        lockoutEnd.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Register_creates_an_account_without_organization_and_signs_in()
    {
        var browser = NewBrowser();
        var response = await browser.SubmitAsync("/Identity/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "王合作", ["Input.Email"] = "wang@example.cn", ["Input.Password"] = "Coop2026a", ["Input.ConfirmPassword"] = "Coop2026a",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var user = await App.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "wang@example.cn"));
        user.OrganizationId.ShouldBeNull();
        user.DisplayName.ShouldBe("王合作");
        (await browser.GetPageAsync("/Identity/Account/Manage")).ShouldContain("尚未加入机构");
    }

    [Fact]
    public async Task Register_with_a_weak_password_or_taken_email_explains_in_Chinese_and_creates_nothing()
    {
        var browser = NewBrowser();
        var weak = await browser.SubmitAsync("/Identity/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "李四", ["Input.Email"] = "li@example.cn", ["Input.Password"] = "alllowercase", ["Input.ConfirmPassword"] = "alllowercase",
        });
        var html = await weak.Content.ReadAsStringAsync();
        html.ShouldContain("密码必须包含数字");
        html.ShouldContain("密码必须包含大写字母");

        var taken = await browser.SubmitAsync("/Identity/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "冒名", ["Input.Email"] = "admin@aidmarket.demo", ["Input.Password"] = "Strong2026x", ["Input.ConfirmPassword"] = "Strong2026x",
        });
        (await taken.Content.ReadAsStringAsync()).ShouldContain("邮箱 admin@aidmarket.demo 已被注册。");
        (await App.QueryAsync(db => db.Users.CountAsync(u => u.Email == "li@example.cn"))).ShouldBe(0);
    }

    [Fact]
    public async Task Change_password_requires_the_current_one_and_then_only_the_new_one_works()
    {
        var browser = NewBrowser();
        await browser.LogInOrThrowAsync("receiver@aidmarket.demo");
        var wrong = await browser.SubmitAsync("/Identity/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "nope", ["Input.NewPassword"] = "Receiver2027", ["Input.ConfirmPassword"] = "Receiver2027",
        });
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("当前密码不正确。");

        var ok = await browser.SubmitAsync("/Identity/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = DemoSeeder.DemoPassword, ["Input.NewPassword"] = "Receiver2027", ["Input.ConfirmPassword"] = "Receiver2027",
        });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await NewBrowser().LogInAsync("receiver@aidmarket.demo")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await NewBrowser().LogInAsync("receiver@aidmarket.demo", "Receiver2027")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Two_factor_with_an_authenticator_is_required_at_login_once_turned_on()
    {
        var browser = NewBrowser();
        await browser.LogInOrThrowAsync("approver@aidmarket.demo");
        var setup = await browser.GetPageAsync("/Identity/Account/Manage/TwoFactor");
        var key = SharedKey().Match(setup).Groups[1].Value;
        key.ShouldNotBeNullOrWhiteSpace();

        var wrong = await browser.SubmitAsync("/Identity/Account/Manage/TwoFactor", new Dictionary<string, string> { ["Code"] = "000000" },
            "/Identity/Account/Manage/TwoFactor?handler=Enable");
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("动态码无效。");

        var enabled = await browser.SubmitAsync("/Identity/Account/Manage/TwoFactor",
            new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "/Identity/Account/Manage/TwoFactor?handler=Enable");
        (await enabled.Content.ReadAsStringAsync()).ShouldContain("双重验证已开启。");

        var second = NewBrowser();
        var login = await second.LogInAsync("approver@aidmarket.demo");
        login.Headers.Location!.OriginalString.ShouldStartWith("/Identity/Account/LoginWith2fa");
        (await second.GetAsync("/Notifications")).StatusCode.ShouldBe(HttpStatusCode.Redirect); // not signed in yet

        var verified = await second.SubmitAsync(login.Headers.Location.OriginalString,
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        verified.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await second.GetAsync("/Notifications")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [GeneratedRegex("data-testid=\"shared-key\">([a-z0-9 ]+)</kbd>")]
    private static partial Regex SharedKey();
}
