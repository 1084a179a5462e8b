using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AidMarket.Web.Messaging;

public class EmailOptions
{
    public string From { get; set; } = "AidMarket <noreply@aidmarket.local>";
    /// <summary>Where messages are written as .eml files when no SMTP host is set.</summary>
    public string PickupDirectory { get; set; } = "";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUsername { get; set; }
    public string? SmtpPassword { get; set; }
}

/// <summary>Sends mail over SMTP when configured, otherwise drops it into the pickup folder.</summary>
public class Mailer(IOptions<EmailOptions> options, ILogger<Mailer> logger)
{
    public async Task SendAsync(string to, string subject, string textBody, Guid messageId, CancellationToken ct)
    {
        var o = options.Value;
        var message = new MimeMessage
        {
            Subject = subject,
            Body = new TextPart("plain") { Text = textBody },
            MessageId = $"{messageId:N}@aidmarket.local",
        };
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(to));

        if (string.IsNullOrEmpty(o.SmtpHost))
        {
            Directory.CreateDirectory(o.PickupDirectory);
            // Named by message and recipient: a redelivered message overwrites its own files instead of mailing twice.
            // Written aside and renamed, so whatever picks the folder up never reads half a message.
            var recipient = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(to.ToLowerInvariant())))[..8];
            var path = Path.Combine(o.PickupDirectory, $"{messageId:N}-{recipient}.eml");
            var partial = Path.Combine(o.PickupDirectory, $".{messageId:N}.{Guid.NewGuid():N}.tmp");
            await message.WriteToAsync(partial, ct);
            File.Move(partial, path, overwrite: true);
            logger.LogInformation("Mail to {To} written to {Path}", to, path);
            return;
        }

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(o.SmtpHost, o.SmtpPort, MailKit.Security.SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrEmpty(o.SmtpUsername))
            await smtp.AuthenticateAsync(o.SmtpUsername, o.SmtpPassword ?? "", ct);
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}
