using AidMarket.Domain.Common;
using AidMarket.Domain.Organizations;
using Shouldly;

namespace AidMarket.Domain.Tests.Organizations;

public class OrganizationTests
{
    [Theory]
    [InlineData(OrganizationKind.Platform, new[] { OrganizationRole.Admin })]
    [InlineData(OrganizationKind.County, new[] { OrganizationRole.Officer })]
    [InlineData(OrganizationKind.Supplier, new[] { OrganizationRole.Manager })]
    [InlineData(OrganizationKind.Buyer, new[] { OrganizationRole.Purchaser, OrganizationRole.Approver, OrganizationRole.Finance, OrganizationRole.Receiver, OrganizationRole.Admin })]
    [InlineData(OrganizationKind.PartnerDistrict, new[] { OrganizationRole.Officer })]
    public void Each_kind_of_organization_has_its_own_roles(OrganizationKind kind, OrganizationRole[] roles)
    {
        OrganizationRoles.For(kind).ShouldBe(roles, ignoreOrder: true);
        foreach (var role in Enum.GetValues<OrganizationRole>())
            OrganizationRoles.IsAllowed(kind, role).ShouldBe(roles.Contains(role));
    }

    [Fact]
    public void Only_admins_managers_and_officers_invite()
    {
        OrganizationRoles.CanInvite(OrganizationKind.Buyer, OrganizationRole.Admin).ShouldBeTrue();
        OrganizationRoles.CanInvite(OrganizationKind.Buyer, OrganizationRole.Purchaser).ShouldBeFalse();
        OrganizationRoles.CanInvite(OrganizationKind.Buyer, OrganizationRole.Finance).ShouldBeFalse();
        OrganizationRoles.CanInvite(OrganizationKind.Supplier, OrganizationRole.Manager).ShouldBeTrue();
        OrganizationRoles.CanInvite(OrganizationKind.County, OrganizationRole.Officer).ShouldBeTrue();
        OrganizationRoles.CanInvite(OrganizationKind.Platform, OrganizationRole.Admin).ShouldBeTrue();
    }

    [Fact]
    public void A_county_office_or_supplier_needs_a_county_and_a_buyer_a_buyer_kind()
    {
        Should.Throw<DomainException>(() => new Organization(OrganizationKind.County, "某县乡村振兴局")).Code.ShouldBe("Organization.CountyRequired");
        Should.Throw<DomainException>(() => new Organization(OrganizationKind.Supplier, "某合作社")).Code.ShouldBe("Organization.CountyRequired");
        Should.Throw<DomainException>(() => new Organization(OrganizationKind.Buyer, "某食堂")).Code.ShouldBe("Organization.BuyerKindRequired");
        Should.Throw<DomainException>(() => new Organization(OrganizationKind.Platform, "  ")).Code.ShouldBe("Organization.NameRequired");
        new Organization(OrganizationKind.Buyer, " 某食堂 ", buyerKind: BuyerKind.SchoolCanteen).Name.ShouldBe("某食堂");
    }

    [Fact]
    public void An_invitation_is_accepted_once_and_not_after_it_expires_or_is_revoked()
    {
        var org = new Organization(OrganizationKind.Buyer, "某食堂", buyerKind: BuyerKind.SchoolCanteen);
        var now = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

        var invitation = new Invitation(org, " Li@Example.CN ", OrganizationRole.Finance, "hash", "u1", now);
        invitation.Email.ShouldBe("li@example.cn");
        invitation.Accept(now.AddDays(1));
        invitation.Status.ShouldBe(InvitationStatus.Accepted);
        Should.Throw<DomainException>(() => invitation.Accept(now.AddDays(2))).Code.ShouldBe("Invitation.NotOpen");
        Should.Throw<DomainException>(() => invitation.Revoke()).Code.ShouldBe("Invitation.NotPending");

        var late = new Invitation(org, "a@b.cn", OrganizationRole.Finance, "hash2", "u1", now);
        Should.Throw<DomainException>(() => late.Accept(now + Invitation.Lifetime)).Code.ShouldBe("Invitation.NotOpen");

        var revoked = new Invitation(org, "c@d.cn", OrganizationRole.Finance, "hash3", "u1", now);
        revoked.Revoke();
        Should.Throw<DomainException>(() => revoked.Accept(now)).Code.ShouldBe("Invitation.NotOpen");
    }

    [Fact]
    public void An_invitation_refuses_a_role_the_organization_does_not_have()
    {
        var org = new Organization(OrganizationKind.Buyer, "某食堂", buyerKind: BuyerKind.SchoolCanteen);
        Should.Throw<DomainException>(() => new Invitation(org, "a@b.cn", OrganizationRole.Officer, "h", "u", DateTimeOffset.UtcNow))
            .Code.ShouldBe("Organization.RoleNotAllowed");
    }
}
