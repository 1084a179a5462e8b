using System.Globalization;
using AidMarket.Web.Messaging.Contracts;

namespace AidMarket.Web.Messaging.Consumers;

public class InvitationMailer(AidMarketDbContext db, Mailer mailer, IStringLocalizer<SharedResource> localizer)
    : IdempotentConsumer<MemberInvited>(db)
{
    protected override async Task HandleAsync(MemberInvited message, Guid messageId, CancellationToken ct)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(message.Culture);
        try
        {
            var role = localizer["Role." + message.Role];
            var subject = localizer["You are invited to join {0} on AidMarket", message.OrganizationName];
            var body = localizer["You are invited to join {0} as {1}. Open this link within 14 days to set your password: {2}",
                message.OrganizationName, role, message.AcceptUrl];
            await mailer.SendAsync(message.Email, subject, body, messageId, ct);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
