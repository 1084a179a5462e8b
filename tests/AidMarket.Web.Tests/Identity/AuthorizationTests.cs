using AidMarket.Domain.Organizations;
using AidMarket.Web.Identity;

namespace AidMarket.Web.Tests.Identity;

/// <summary>Every page that takes an id checks it against the user's organization: another's id gives 404 and changes nothing.</summary>
public class AuthorizationTests(AppFixture app) : WebTest(app)
{
    private async Task<Invitation> InviteIntoAsync(string organizationName, OrganizationRole role)
    {
        Invitation? invitation = null;
        await App.ExecuteAsync(async db =>
        {
            var org = await db.Organizations.SingleAsync(o => o.Name == organizationName);
            var admin = await db.Users.FirstAsync();
            invitation = new Invitation(org, "someone@example.cn", role, InvitationTokens.Hash(InvitationTokens.NewToken()), admin.Id, DateTimeOffset.UtcNow);
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
        });
        return invitation!;
    }

    [Fact]
    public async Task Revoking_another_organizations_invitation_gives_404_and_leaves_it_pending()
    {
        var other = await InviteIntoAsync("海珠区东西部协作工作组", OrganizationRole.Officer);
        var buyerAdmin = NewBrowser();
        await buyerAdmin.LogInOrThrowAsync("buyeradmin@aidmarket.demo");

        var response = await buyerAdmin.SubmitAsync("/Organization/Members", new Dictionary<string, string>(),
            $"/Organization/Members?handler=Revoke&invitationId={other.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("someone@example.cn");
        (await App.QueryAsync(db => db.Invitations.SingleAsync(i => i.Id == other.Id))).Status.ShouldBe(InvitationStatus.Pending);
    }

    [Fact]
    public async Task Revoking_an_invitation_of_ones_own_organization_works()
    {
        var own = await InviteIntoAsync(DemoSeeder.HaizhuCanteen, OrganizationRole.Finance);
        var buyerAdmin = NewBrowser();
        await buyerAdmin.LogInOrThrowAsync("buyeradmin@aidmarket.demo");

        var response = await buyerAdmin.SubmitAsync("/Organization/Members", new Dictionary<string, string>(),
            $"/Organization/Members?handler=Revoke&invitationId={own.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.QueryAsync(db => db.Invitations.SingleAsync(i => i.Id == own.Id))).Status.ShouldBe(InvitationStatus.Revoked);
    }

    [Theory]
    [InlineData("purchaser@aidmarket.demo")]
    [InlineData("officer@aidmarket.demo")]
    [InlineData("buyeradmin@aidmarket.demo")]
    public async Task Only_the_platform_admin_opens_organization_administration(string email)
    {
        var orgId = await App.QueryAsync(db => db.Organizations.Where(o => o.Name == DemoSeeder.HaizhuCanteen).Select(o => o.Id).SingleAsync());
        var browser = NewBrowser();
        await browser.LogInOrThrowAsync(email);

        var list = await browser.GetAsync("/Admin/Organizations");
        list.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        list.Headers.Location!.OriginalString.ShouldContain("/Identity/Account/AccessDenied");
        (await browser.GetAsync($"/Admin/Organizations/Details/{orgId}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var invite = await browser.Client.PostAsync($"/Admin/Organizations/Details/{orgId}?handler=Invite",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["InviteEmail"] = "x@y.cn", ["InviteRole"] = "Admin" }));
        invite.IsSuccessStatusCode.ShouldBeFalse();
        (await App.QueryAsync(db => db.Invitations.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_purchaser_cannot_manage_members()
    {
        var purchaser = NewBrowser();
        await purchaser.LogInOrThrowAsync("purchaser@aidmarket.demo");
        var response = await purchaser.GetAsync("/Organization/Members");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("AccessDenied");
    }

    [Fact]
    public async Task The_platform_admin_gets_404_for_an_organization_that_does_not_exist()
    {
        var admin = NewBrowser();
        await admin.LogInOrThrowAsync("admin@aidmarket.demo");
        (await admin.GetAsync($"/Admin/Organizations/Details/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var canteen = await App.QueryAsync(db => db.Organizations.SingleAsync(o => o.Name == DemoSeeder.HaizhuCanteen));
        (await admin.GetPageAsync($"/Admin/Organizations/Details/{canteen.Id}")).ShouldContain("purchaser@aidmarket.demo");
    }

    [Fact]
    public async Task Notifications_show_only_the_signed_in_users_own()
    {
        await App.ExecuteAsync(async db =>
        {
            var approver = await db.Users.SingleAsync(u => u.Email == "approver@aidmarket.demo");
            db.Notifications.Add(new AidMarket.Web.Messaging.Notification(approver.Id, "Notification.MemberJoined", ["秘密的名字", "Role.Finance"], null, Guid.NewGuid()));
            await db.SaveChangesAsync();
        });
        var purchaser = NewBrowser();
        await purchaser.LogInOrThrowAsync("purchaser@aidmarket.demo");
        (await purchaser.GetPageAsync("/Notifications")).ShouldNotContain("秘密的名字");
        var approverBrowser = NewBrowser();
        await approverBrowser.LogInOrThrowAsync("approver@aidmarket.demo");
        (await approverBrowser.GetPageAsync("/Notifications")).ShouldContain("秘密的名字");
    }
}
