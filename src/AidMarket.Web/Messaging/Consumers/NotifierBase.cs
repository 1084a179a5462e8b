using AidMarket.Domain.Organizations;

namespace AidMarket.Web.Messaging.Consumers;

/// <summary>
/// What every notifier does: finds who hears of the event (reads only), then, only if anyone does, claims the inbox and adds the
/// notifications in the handler's transaction and, for some events, mails them. An event nobody hears of costs no write.
/// </summary>
public abstract class NotifierBase<T>(AidMarketDbContext db) : IdempotentConsumer<T>(db) where T : class
{
    /// <summary>Set by consumers whose events also go out by email (to the same people, in Chinese).</summary>
    protected Mailer? Mailer { get; init; }
    protected IStringLocalizer<SharedResource>? Localizer { get; init; }

    protected sealed record Recipient(string UserId, string? Email);

    private sealed record Outgoing(IReadOnlyList<Recipient> Recipients, string Key, string[] Arguments, string? Link);

    private readonly List<Outgoing> _outgoing = [];

    /// <summary>Finds who hears of the message and calls <see cref="Tell"/> for them; reads only.</summary>
    protected abstract Task FindAsync(T message, CancellationToken ct);

    /// <summary>These people are told this (a resource key and its arguments) when the message is handled.</summary>
    protected void Tell(IReadOnlyList<Recipient> recipients, string key, string[] arguments, string? link)
    {
        if (recipients.Count > 0) _outgoing.Add(new Outgoing(recipients, key, arguments, link));
    }

    protected sealed override async Task<bool> PrepareAsync(T message, CancellationToken ct)
    {
        _outgoing.Clear();
        await FindAsync(message, ct);
        return _outgoing.Count > 0;
    }

    protected sealed override async Task HandleAsync(T message, Guid messageId, CancellationToken ct)
    {
        foreach (var o in _outgoing) await NotifyAsync(o.Recipients, o.Key, o.Arguments, o.Link, messageId, ct);
    }

    /// <summary>
    /// Each supplier's members hear of their own supplier order of a placed purchase order. One round trip of two single-table
    /// queries: the join of suppliers and users cost PostgreSQL more to plan, on every order, than to run.
    /// </summary>
    protected async Task TellSuppliersAsync(string orderNumber, IReadOnlyList<Contracts.PlacedSupplierOrder> parts, CancellationToken ct)
    {
        var supplierIds = parts.Select(p => p.SupplierId).Distinct().ToArray();
        var (organizationOf, members) = await Db.OnConnectionAsync(async (connection, transaction) =>
        {
            await using var batch = new Npgsql.NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand("SELECT id, organization_id FROM suppliers WHERE id = ANY($1)")
                { Parameters = { new() { Value = supplierIds } } });
            batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand("""
                SELECT organization_id, id, email FROM "AspNetUsers"
                WHERE organization_id = ANY(ARRAY(SELECT organization_id FROM suppliers WHERE id = ANY($1)))
                """) { Parameters = { new() { Value = supplierIds } } });
            await using var reader = await batch.ExecuteReaderAsync(ct);
            var organizations = new Dictionary<Guid, Guid>();
            while (await reader.ReadAsync(ct)) organizations[reader.GetGuid(0)] = reader.GetGuid(1);
            await reader.NextResultAsync(ct);
            var users = new List<(Guid Organization, Recipient Recipient)>();
            while (await reader.ReadAsync(ct))
                users.Add((reader.GetGuid(0), new Recipient(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))));
            return (organizations, users);
        }, ct);
        foreach (var part in parts)
            Tell(members.Where(m => organizationOf.TryGetValue(part.SupplierId, out var org) && m.Organization == org).Select(m => m.Recipient).ToList(),
                "Notification.SupplierOrderPlaced", [orderNumber, new Money(part.TotalFen).ToString()], $"/Supplier/Orders/Details/{part.SupplierOrderId}");
    }

    /// <summary>Adds the notifications to this handler's transaction and mails them (in Chinese) when this consumer mails.</summary>
    private async Task NotifyAsync(IReadOnlyList<Recipient> recipients, string key, string[] arguments, string? link, Guid messageId, CancellationToken ct)
    {
        foreach (var r in recipients)
            Db.Notifications.Add(new Notification(r.UserId, key, arguments, link, messageId));
        if (Mailer is null || Localizer is null || !recipients.Any(r => r.Email is not null)) return;
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        try
        {
            var text = Localizer[key, arguments.Select(a => a.StartsWith("Role.") ? (object)Localizer[a].Value : a).ToArray()].Value;
            foreach (var email in recipients.Where(r => r.Email is not null).Select(r => r.Email!))
                await Mailer.SendAsync(email, "消费帮扶集采平台：" + text, text + (link is null ? "" : "\n\n" + link), messageId, ct);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The person who did something, unless it was done through an API key (which is nobody to tell).</summary>
    protected IQueryable<string>? Person(string userId) =>
        userId.StartsWith(Api.ApiKeyAuthenticationHandler.SubjectPrefix, StringComparison.Ordinal) ? null : Db.Users.Where(u => u.Id == userId).Select(u => u.Id);

    protected IQueryable<string> MembersWithRole(Guid organizationId, OrganizationRole role) =>
        Db.Users.Where(u => u.OrganizationId == organizationId && u.Role == role).Select(u => u.Id);

    protected IQueryable<string> MembersOfSupplier(Guid supplierId) =>
        from s in Db.Suppliers join u in Db.Users on s.OrganizationId equals u.OrganizationId where s.Id == supplierId select u.Id;

    protected IQueryable<string> MembersOf(Guid organizationId) =>
        Db.Users.Where(u => u.OrganizationId == organizationId).Select(u => u.Id);

    protected IQueryable<string> OfficersOf(string countyCode) =>
        from u in Db.Users
        join o in Db.Organizations on u.OrganizationId equals o.Id
        where o.Kind == OrganizationKind.County && o.CountyCode == countyCode
        select u.Id;
}
