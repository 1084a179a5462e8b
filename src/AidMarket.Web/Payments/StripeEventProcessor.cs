using AidMarket.Domain.Payments;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;
using Invoice = AidMarket.Domain.Payments.Invoice;

namespace AidMarket.Web.Payments;

/// <summary>An event that cannot be applied yet (a refund whose payment has not arrived): left unprocessed and tried again.</summary>
public sealed class StripeEventNotReadyException(string message) : Exception(message);

/// <summary>
/// Applies stored Stripe events, each once: the event row is locked and marked processed in the transaction that applies
/// it. A payment is recorded under its payment intent id, so checkout.session.completed and payment_intent.succeeded of
/// one payment post once; refunds post once by their Stripe refund id; the invoice row lock orders them all. A reversed
/// Connect transfer returns its supplier payout once, under the payout's row lock.
/// </summary>
public sealed class StripeEventProcessor(IServiceScopeFactory scopes, ILogger<StripeEventProcessor> logger)
{
    public async Task ProcessAsync(string eventId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var record = await db.StripeEvents.FromSql($"SELECT * FROM stripe_events WHERE id = {eventId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (record is null || record.ProcessedAt is not null) return;
        var now = DateTimeOffset.UtcNow;
        try
        {
            await ApplyAsync(db, EventUtility.ParseEvent(record.Payload, throwOnApiVersionMismatch: false), now, ct);
            record.MarkProcessed(now);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            // Nothing of it is saved, and finance sees why on the payments page.
            logger.LogWarning("Stripe event {Event} ({Type}) not applied: {Code} {Message}", record.Id, record.Type, ex.Code, ex.Message);
            await GiveUpAsync(db, eventId, $"{ex.Code}: {ex.Message}", now, ct);
        }
        catch (StripeEventNotReadyException ex) when (record.ReceivedAt < now - GiveUpAfter)
        {
            // A refund of a payment that never reached AidMarket: no longer retried, shown to finance instead.
            await GiveUpAsync(db, eventId, ex.Message, now, ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>How long an event that waits for another (a refund for its payment) is retried.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);

    private static async Task GiveUpAsync(AidMarketDbContext db, string eventId, string error, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var text = error.Length > 500 ? error[..500] : error;
        await db.Database.ExecuteSqlAsync($"UPDATE stripe_events SET processed_at = {now}, error = {text} WHERE id = {eventId}", ct);
    }

    private static Task ApplyAsync(AidMarketDbContext db, Event e, DateTimeOffset now, CancellationToken ct) => e.Data.Object switch
    {
        Session { PaymentStatus: "paid" } s when e.Type is "checkout.session.completed" or "checkout.session.async_payment_succeeded" =>
            PayAsync(db, s.Metadata, s.PaymentIntentId, s.AmountTotal ?? 0, s.Currency, now, ct),
        PaymentIntent pi when e.Type == "payment_intent.succeeded" => PayAsync(db, pi.Metadata, pi.Id, pi.AmountReceived, pi.Currency, now, ct),
        PaymentIntent pi when e.Type == "payment_intent.payment_failed" => FailAsync(db, pi, e.Created, ct),
        Charge charge when e.Type == "charge.refunded" => RefundAllAsync(db, charge.Refunds?.Data ?? [], now, ct),
        Refund refund when e.Type is "refund.created" or "refund.updated" or "charge.refund.updated" => RefundAllAsync(db, [refund], now, ct),
        Transfer transfer when e.Type == "transfer.reversed" => StripeTransfers.ApplyReversalAsync(db, transfer, now, ct),
        _ => Task.CompletedTask,
    };

    private static async Task<Invoice> InvoiceAsync(AidMarketDbContext db, Dictionary<string, string>? metadata, CancellationToken ct)
    {
        if (metadata?.GetValueOrDefault(StripeCheckout.ReferenceKey) is not { } reference
            || !Guid.TryParse(metadata.GetValueOrDefault(StripeCheckout.InvoiceKey), out var invoiceId))
            throw new DomainException("Stripe.NoInvoice", "This Stripe payment does not name an AidMarket invoice.");
        var invoices = await Invoicing.LockAsync(db, [reference], ct);
        return invoices.SingleOrDefault(i => i.Id == invoiceId)
               ?? throw new DomainException("Stripe.NoInvoice", "This Stripe payment does not name an AidMarket invoice.");
    }

    private static async Task PayAsync(AidMarketDbContext db, Dictionary<string, string>? metadata, string? paymentIntentId, long amountFen, string? currency,
        DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(paymentIntentId))
            throw new DomainException("Stripe.NoPaymentIntent", "This Stripe payment has no payment intent.");
        if (!string.Equals(currency, "cny", StringComparison.OrdinalIgnoreCase))
            throw new DomainException("Stripe.Currency", "Invoices are paid in yuan (CNY).");
        var invoice = await InvoiceAsync(db, metadata, ct);
        Invoicing.ApplyPayment(db, invoice, new Money(amountFen), Domain.Payments.PaymentMethod.Stripe, paymentIntentId, now);
    }

    private static async Task FailAsync(AidMarketDbContext db, PaymentIntent pi, DateTime created, CancellationToken ct)
    {
        var invoice = await InvoiceAsync(db, pi.Metadata, ct);
        invoice.RecordPaymentFailure(pi.Id, pi.LastPaymentError?.Message, new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)));
    }

    private static async Task RefundAllAsync(AidMarketDbContext db, IEnumerable<Refund> refunds, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var refund in refunds.Where(r => r.Status == "succeeded"))
        {
            var invoice = await PaidInvoiceAsync(db, refund.PaymentIntentId, ct);
            await Refunding.PostAsync(db, invoice, RefundIdOf(refund), new Money(refund.Amount), refund.Id, now, ct);
        }
    }

    /// <summary>Our refund id when AidMarket asked for the refund; otherwise one made from Stripe's refund id.</summary>
    public static Guid RefundIdOf(Refund refund) =>
        Guid.TryParse(refund.Metadata?.GetValueOrDefault(StripeCheckout.RefundKey), out var id) ? id : Refunding.IdFor(refund.Id);

    /// <summary>The invoice a payment intent paid, locked; not ready while that payment has not been recorded.</summary>
    private static async Task<Invoice> PaidInvoiceAsync(AidMarketDbContext db, string? paymentIntentId, CancellationToken ct)
    {
        var match = System.Text.Json.JsonSerializer.Serialize(new[] { new { ExternalId = paymentIntentId ?? "" } });
        var reference = await db.Database.SqlQuery<string>($"""
            SELECT reference AS "Value" FROM invoices WHERE payments @> {match}::jsonb
            """).SingleOrDefaultAsync(ct)
            ?? throw new StripeEventNotReadyException($"The payment {paymentIntentId} this refund belongs to is not recorded yet.");
        return (await Invoicing.LockAsync(db, [reference], ct)).Single();
    }
}

/// <summary>Tries stored events again that are not processed yet (for example a refund that arrived before its payment).</summary>
public sealed class StripeEventSweep(IServiceScopeFactory scopes, StripeEventProcessor processor, IOptions<StripeOptions> options,
    ILogger<StripeEventSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsEnabled) return;
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
                var due = DateTimeOffset.UtcNow - options.Value.SweepInterval;
                var ids = await db.StripeEvents.Where(e => e.ProcessedAt == null && e.ReceivedAt < due)
                    .OrderBy(e => e.ReceivedAt).Select(e => e.Id).Take(100).ToListAsync(stoppingToken);
                foreach (var id in ids)
                {
                    try { await processor.ProcessAsync(id, stoppingToken); }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        // One event that cannot be applied yet (or fails) does not hold up the others.
                        logger.Log(ex is StripeEventNotReadyException ? LogLevel.Information : LogLevel.Warning, ex, "Stripe event {Event} not applied yet", id);
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogInformation("Stripe event sweep: {Message}; retrying later", ex.Message);
            }
        }
    }
}
