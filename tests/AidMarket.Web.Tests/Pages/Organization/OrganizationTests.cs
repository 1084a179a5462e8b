using System.Text.RegularExpressions;
using AidMarket.Domain.Organizations;
using AidMarket.Web.Messaging.Contracts;

namespace AidMarket.Web.Tests.Pages.OrganizationMembers;

public partial class OrganizationTests(AppFixture app) : WebTest(app)
{
    [Fact]
    public async Task Platform_admin_creates_an_organization_and_invites_its_first_user_who_joins_with_that_role()
    {
        var admin = NewBrowser();
        await admin.LogInOrThrowAsync("admin@aidmarket.demo");
        var created = await admin.SubmitAsync("/Admin/Organizations/Create", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Buyer", ["Input.Name"] = "某县人民医院食堂", ["Input.BuyerKind"] = "HospitalCanteen",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var detailsUrl = created.Headers.Location!.OriginalString;
        var org = await App.QueryAsync(db => db.Organizations.SingleAsync(o => o.Name == "某县人民医院食堂"));
        org.Kind.ShouldBe(OrganizationKind.Buyer);
        org.BuyerKind.ShouldBe(BuyerKind.HospitalCanteen);
        (await App.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Type == typeof(OrganizationCreated).FullName))).ShouldBe(1);

        var invited = await admin.SubmitAsync(detailsUrl, new Dictionary<string, string> { ["InviteEmail"] = "Chen@Hospital.cn", ["InviteRole"] = "Admin" },
            detailsUrl + "?handler=Invite");
        var link = InvitationLink().Match(await invited.Content.ReadAsStringAsync()).Groups[1].Value;
        link.ShouldContain("/Identity/Account/AcceptInvitation?token=");

        // The invitation mail goes out through the outbox and the consumer, in the inviter's language.
        var mail = await Eventually.ReturnsAsync(
            () => Task.FromResult(App.MailFiles()), f => f.Length == 1);
        var mailText = await File.ReadAllTextAsync(mail[0]);
        mailText.ShouldContain("chen@hospital.cn");
        mailText.ShouldContain(link.Split("token=")[1][..20]);

        var invitee = NewBrowser();
        var path = new Uri(link).PathAndQuery;
        (await invitee.GetPageAsync(path)).ShouldContain("某县人民医院食堂");
        var accepted = await invitee.SubmitAsync(path, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "陈管理", ["Input.Password"] = "Hospital2026", ["Input.ConfirmPassword"] = "Hospital2026",
        });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var user = await App.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "chen@hospital.cn"));
        user.OrganizationId.ShouldBe(org.Id);
        user.Role.ShouldBe(OrganizationRole.Admin);
        (await invitee.GetPageAsync("/Organization/Members")).ShouldContain("某县人民医院食堂");

        // The inviter hears about it through a MemberJoined event.
        var adminId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "admin@aidmarket.demo").Select(u => u.Id).SingleAsync());
        await Eventually.ReturnsAsync(() => App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == adminId)), n => n == 1);
        (await admin.GetPageAsync("/Notifications")).ShouldContain("陈管理 已以管理员身份加入");

        // The link works once.
        (await NewBrowser().GetPageAsync(path)).ShouldContain("邀请已过期、已撤销或已被使用");
    }

    [Fact]
    public async Task A_buyer_admin_invites_only_roles_of_their_own_kind_of_organization()
    {
        var buyerAdmin = NewBrowser();
        await buyerAdmin.LogInOrThrowAsync("buyeradmin@aidmarket.demo");
        var response = await buyerAdmin.SubmitAsync("/Organization/Members",
            new Dictionary<string, string> { ["InviteEmail"] = "x@canteen.cn", ["InviteRole"] = "Officer" }, "/Organization/Members?handler=Invite");
        (await response.Content.ReadAsStringAsync()).ShouldContain("该机构没有这个角色。");

        var ok = await buyerAdmin.SubmitAsync("/Organization/Members",
            new Dictionary<string, string> { ["InviteEmail"] = "x@canteen.cn", ["InviteRole"] = "Receiver" }, "/Organization/Members?handler=Invite");
        (await ok.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"invitation-link\"");

        var invitations = await App.QueryAsync(db => db.Invitations.ToListAsync());
        invitations.ShouldHaveSingleItem().Role.ShouldBe(OrganizationRole.Receiver);
        var canteen = await App.QueryAsync(db => db.Organizations.SingleAsync(o => o.Name == DemoSeeder.HaizhuCanteen));
        invitations[0].OrganizationId.ShouldBe(canteen.Id);
    }

    [Fact]
    public async Task An_invalid_email_is_explained_and_nothing_is_created()
    {
        var buyerAdmin = NewBrowser();
        await buyerAdmin.LogInOrThrowAsync("buyeradmin@aidmarket.demo");
        var response = await buyerAdmin.SubmitAsync("/Organization/Members",
            new Dictionary<string, string> { ["InviteEmail"] = "not-an-email", ["InviteRole"] = "Receiver" }, "/Organization/Members?handler=Invite");
        (await response.Content.ReadAsStringAsync()).ShouldContain("请输入有效的邮箱地址。");
        (await App.QueryAsync(db => db.Invitations.CountAsync())).ShouldBe(0);
        (await App.QueryAsync(db => db.OutboxMessages.CountAsync())).ShouldBe(0);
    }

    [GeneratedRegex("data-testid=\"invitation-link\">([^<]+)</div>")]
    private static partial Regex InvitationLink();

    [Fact]
    public async Task An_invitation_link_does_not_stay_in_the_database_once_mailed()
    {
        var admin = NewBrowser();
        await admin.LogInOrThrowAsync("buyeradmin@aidmarket.demo");
        var page = await admin.SubmitAsync("/Organization/Members", new Dictionary<string, string> { ["InviteEmail"] = "new@canteen.cn", ["InviteRole"] = "Finance" },
            "/Organization/Members?handler=Invite");
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "token=([A-Za-z0-9_-]+)").Groups[1].Value;
        token.Length.ShouldBeGreaterThan(20);
        await Eventually.ReturnsAsync(() => Task.FromResult(App.MailFiles()), f => f.Length == 1);
        (await File.ReadAllTextAsync(App.MailFiles()[0])).ShouldContain(token);
        var message = await App.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Type == typeof(MemberInvited).FullName));
        message.SentAt.ShouldNotBeNull();
        message.Payload.ShouldNotContain(token);
        (await App.QueryAsync(db => db.Invitations.SingleAsync())).TokenHash.ShouldNotContain(token);
    }
}
