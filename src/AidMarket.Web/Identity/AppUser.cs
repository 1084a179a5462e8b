using AidMarket.Domain.Organizations;
using Microsoft.AspNetCore.Identity;

namespace AidMarket.Web.Identity;

/// <summary>A person who signs in; belongs to at most one organization with one role in it.</summary>
public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Guid? OrganizationId { get; set; }
    public OrganizationRole? Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public void JoinOrganization(Organization organization, OrganizationRole role)
    {
        organization.EnsureRoleAllowed(role);
        OrganizationId = organization.Id;
        Role = role;
    }
}
