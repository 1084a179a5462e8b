using System.Net;
using AidMarket.Domain.Payments;
using Microsoft.Extensions.Options;
using Stripe;

namespace AidMarket.Web.Payments;

/// <summary>
/// Sends committed Stripe Connect payouts to Stripe's Transfers API (decision note 016). The payout and its entry are in the
/// database before Stripe is asked, and each is asked with the idempotency key of its payout id, so a retry after a crash, a
/// timeout or a second admin gets the same transfer back instead of a second one. Stripe's refusal fails the payout, which
/// owes the supplier its amount again; any other outcome is unknown and leaves it pending, to be sent again.
/// </summary>
public sealed class StripeTransfers(AidMarketDbContext db, IServiceProvider services, IOptions<StripeOptions> options, ILogger<StripeTransfers> logger)
{
    public const string PayoutKey = "supplier_payout_id";

    // Resolved on first use: without keys there is no client to make (Stripe.net refuses an empty key).
    private IStripeClient Client => services.GetRequiredService<IStripeClient>();

    public bool IsEnabled => options.Value.IsEnabled;

    public static string IdempotencyKey(Guid payoutId) => $"supplier-payout:{payoutId:D}";

    public sealed record Outcome(int Paid, int Failed, int Waiting);

    /// <summary>Sends every pending Stripe Connect payout (new ones and any left pending before) that no one else is sending.</summary>
    public async Task<Outcome> SendPendingAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var ids = await db.SupplierPayouts.Where(p => p.Method == PayoutMethod.StripeConnect && p.Status == PayoutStatus.Pending)
            .OrderBy(p => p.CreatedAt).Select(p => p.Id).ToListAsync(ct);
        if (!IsEnabled) return new Outcome(0, 0, ids.Count);
        int paid = 0, failed = 0;
        foreach (var id in ids)
        {
            try
            {
                var status = await SendAsync(id, ct);
                if (status == PayoutStatus.Paid) paid++;
                if (status == PayoutStatus.Failed) failed++;
            }
            catch (Exception ex) when (ex is StripeException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Stripe Connect payout {Payout} not confirmed; it stays pending and is sent again with the same key", id);
                db.ChangeTracker.Clear();
            }
        }
        return new Outcome(paid, failed, ids.Count - paid - failed);
    }

    /// <summary>Sends one payout under its row lock; null when it is no longer pending or someone else is sending it now.</summary>
    private async Task<PayoutStatus?> SendAsync(Guid payoutId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Held while Stripe answers: one sender per payout at a time, and a reversal webhook waits for the outcome.
        var payout = await db.SupplierPayouts
            .FromSql($"SELECT *, xmin FROM supplier_payouts WHERE id = {payoutId} AND status = 'Pending' FOR UPDATE SKIP LOCKED").SingleOrDefaultAsync(ct);
        if (payout is null) return null;
        var now = DateTimeOffset.UtcNow;
        try
        {
            var transfer = await new TransferService(Client).CreateAsync(new TransferCreateOptions
            {
                Amount = payout.Amount.Fen,
                Currency = "cny",
                Destination = payout.StripeAccountId,
                Description = $"AidMarket supplier payout {payout.Id:D}",
                Metadata = new Dictionary<string, string> { [PayoutKey] = payout.Id.ToString("D"), ["supplier_id"] = payout.SupplierId.ToString("D") },
            }, new RequestOptions { IdempotencyKey = IdempotencyKey(payout.Id) }, ct);
            payout.MarkPaid(transfer.Id, now);
        }
        catch (StripeException ex) when (IsRefusal(ex))
        {
            logger.LogWarning("Stripe refused the transfer of payout {Payout}: {Message}", payout.Id, ex.StripeError?.Message ?? ex.Message);
            db.JournalEntries.Add(payout.MarkFailed($"Stripe: {ex.StripeError?.Message ?? ex.Message}", now));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return payout.Status;
    }

    /// <summary>Stripe looked at the request and said no, so no transfer exists; a conflict, rate limit or server error says nothing.</summary>
    private static bool IsRefusal(StripeException ex) =>
        ex.HttpStatusCode is HttpStatusCode.BadRequest or HttpStatusCode.PaymentRequired or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        && ex.StripeError?.Type != "idempotency_error";

    /// <summary>
    /// transfer.reversed: a transfer reversed in full returns its payout once (a pending one fails, a paid one is marked
    /// reversed), posting Dr Cash, Cr supplier payable. A partial reversal is refused and left to finance.
    /// </summary>
    public static async Task ApplyReversalAsync(AidMarketDbContext db, Transfer transfer, DateTimeOffset now, CancellationToken ct)
    {
        if (!Guid.TryParse(transfer.Metadata?.GetValueOrDefault(PayoutKey), out var payoutId))
            throw new DomainException("Stripe.NoPayout", "This Stripe transfer does not name an AidMarket supplier payout.");
        // Waits for a sender holding the payout, then sees what it recorded.
        var payout = await db.SupplierPayouts.FromSql($"SELECT *, xmin FROM supplier_payouts WHERE id = {payoutId} FOR UPDATE").SingleOrDefaultAsync(ct)
                     ?? throw new DomainException("Stripe.NoPayout", "This Stripe transfer does not name an AidMarket supplier payout.");
        if (payout.Status == PayoutStatus.Failed) return;
        if (!transfer.Reversed)
            throw new DomainException("SupplierPayout.PartialReversal",
                $"Stripe transfer {transfer.Id} was reversed in part ({new Money(transfer.AmountReversed)}); settle the rest with the supplier by hand.",
                transfer.Id, new Money(transfer.AmountReversed));
        var reason = $"Stripe transfer {transfer.Id} reversed";
        db.JournalEntries.Add(payout.Status == PayoutStatus.Pending ? payout.MarkFailed(reason, now) : payout.MarkReversed(reason, now));
    }
}
