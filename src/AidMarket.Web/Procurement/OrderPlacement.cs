using AidMarket.Domain.Procurement;
using AidMarket.Web.Messaging.Contracts;
using Microsoft.EntityFrameworkCore.Storage;

namespace AidMarket.Web.Procurement;

/// <summary>An order to submit: whose, where to, and its lines as quoted (LineQuote).</summary>
public sealed record Submission(Guid BuyerOrganizationId, string SubmittedBy, DeliveryDetails Delivery, IReadOnlyList<OrderLine> Lines);

/// <summary>
/// The one place an order is placed, from the cart, the API, a standing agreement or an approval. It owns the transaction, takes
/// the order number, freezes the plans in force, writes the order, reserves its stock and announces it: PurchaseOrderPlaced once
/// placed, PurchaseOrderSubmitted while it waits for an approver. It also cancels orders. A refusal (DomainException) rolls
/// everything back.
/// </summary>
public sealed class OrderPlacement(AidMarketDbContext db)
{
    /// <summary>What an order needs before it exists: its id, its number, its buyer's threshold and, when read already, the plans.</summary>
    internal sealed record Header(Guid Id, string Number, Money ApprovalThreshold, IReadOnlyDictionary<Guid, PlanAtPlacement>? Plans = null);

    /// <summary>A submitted order and, when it was placed at once, its supplier orders. Written, not tracked by the context.</summary>
    public sealed record Submitted(PurchaseOrder Order, IReadOnlyList<SupplierOrder> SupplierOrders);

    /// <summary>Submits an order in its own transaction; <paramref name="first"/>, when given, runs first in it and may refuse.</summary>
    public Task<Submitted> SubmitAsync(Submission submission, DateTimeOffset now, CancellationToken ct, Func<Task>? first = null) =>
        InTransactionAsync(async () =>
        {
            if (first is not null) await first();
            return await WriteAsync(await OrderRows.HeaderAsync(db, submission.BuyerOrganizationId, now, ct), submission, now, ct);
        }, ct);

    /// <summary>
    /// Submits an order inside <paramref name="joined"/>, which its caller opened and commits: the standing-order job's agreement
    /// lock and run row commit with the order. A refusal leaves the transaction to the caller to roll back.
    /// </summary>
    public async Task<Submitted> SubmitAsync(IDbContextTransaction joined, Submission submission, DateTimeOffset now, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction != joined) throw new InvalidOperationException("The joined transaction is not this context's.");
        return await WriteAsync(await OrderRows.HeaderAsync(db, submission.BuyerOrganizationId, now, ct), submission, now, ct);
    }

    /// <summary>
    /// An API order, idempotent by its key, in one transaction of two round trips: the claim (ApiOrderClaim), then the rows and the
    /// reservation. A retry waits on the claim for the first request with its key to finish, then finds that request's order.
    /// </summary>
    public Task<ApiOrderOutcome> SubmitAsync(ApiOrder order, DateTimeOffset now, CancellationToken ct) =>
        InTransactionAsync<ApiOrderOutcome>(async () =>
        {
            var claim = await ApiOrderClaim.ClaimAsync(db, order, now, ct);
            if (claim.Header is null)
            {
                var earlier = await db.ApiIdempotencies.AsNoTracking()
                    .SingleAsync(i => i.OrganizationId == order.BuyerOrganizationId && i.Key == order.IdempotencyKey, ct);
                return earlier.RequestHash == order.RequestHash ? new ApiOrderOutcome.Repeated(earlier.OrderId!.Value) : new ApiOrderOutcome.KeyReused();
            }
            var submission = new Submission(order.BuyerOrganizationId, order.SubmittedBy, order.Delivery, claim.Quote(order.Lines));
            var (placed, parts) = await WriteAsync(claim.Header, submission, now, ct);
            return new ApiOrderOutcome.Placed(placed, parts);
        }, ct);

    /// <summary>
    /// Approves an order waiting for approval and places it, in one transaction: the review, the supplier orders with the plans in
    /// force, the announcement and the stock. The order is tracked, so it is saved before the stock is locked: the stock rows stay
    /// locked only for the reservation and the commit.
    /// </summary>
    public Task<IReadOnlyList<SupplierOrder>> ApproveAsync(PurchaseOrder order, string approverUserId, DateTimeOffset now, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            order.Approve(approverUserId, now);
            db.Publish(new PurchaseOrderReviewed(order.Id, order.BuyerOrganizationId, order.Number, true, null, order.SubmittedByUserId));
            var parts = order.Place(await OrderRows.PlansAsync(db, order, ct), now);
            db.SupplierOrders.AddRange(parts);
            db.Publish(Placed(order, parts));
            await db.SaveChangesAsync(ct);
            await OrderRows.WriteAndReserveAsync(db, [], order, now, ct);
            return parts;
        }, ct);

    /// <summary>
    /// Builds the order with the domain; placed at once under the threshold. One round trip then writes it, its supplier orders and
    /// its announcement and reserves the stock (OrderRows). The new rows are not tracked by the context (decision note 018).
    /// </summary>
    private async Task<Submitted> WriteAsync(Header header, Submission s, DateTimeOffset now, CancellationToken ct)
    {
        var order = new PurchaseOrder(s.BuyerOrganizationId, header.Number, s.SubmittedBy, s.Delivery, s.Lines, header.ApprovalThreshold, now, header.Id);
        if (order.NeedsApproval)
        {
            var waiting = db.PublishRow(new PurchaseOrderSubmitted(order.Id, order.BuyerOrganizationId, order.Number, order.Total.Fen, order.SubmittedByUserId));
            await OrderRows.WriteAndReserveAsync(db, [RowInsert.Row(db, order), RowInsert.Row(db, waiting)], null, now, ct);
            return new Submitted(order, []);
        }
        var parts = order.Place(header.Plans ?? await OrderRows.PlansAsync(db, order, ct), now);
        var announcement = db.PublishRow(Placed(order, parts));
        await OrderRows.WriteAndReserveAsync(db, [RowInsert.Row(db, order), RowInsert.Rows(db, parts), RowInsert.Row(db, announcement)], order, now, ct);
        return new Submitted(order, parts);
    }

    private static PurchaseOrderPlaced Placed(PurchaseOrder order, IReadOnlyList<SupplierOrder> parts) =>
        new(order.Id, order.BuyerOrganizationId, order.Number, order.Total.Fen, order.SubmittedByUserId, order.ApprovedByUserId,
            parts.Select(s => new PlacedSupplierOrder(s.Id, s.SupplierId, s.Total.Fen)).ToList());

    /// <summary>Runs <paramref name="work"/> in a transaction of its own, committed when it returns; nothing of a failure stays tracked.</summary>
    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var result = await work();
            await tx.CommitAsync(ct);
            return result;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>Gives stock back (declined or cancelled lines), in product order like reservations; inside the caller's transaction.</summary>
    public static async Task ReleaseAsync(AidMarketDbContext db, IEnumerable<(Guid ProductId, int Quantity)> lines, CancellationToken ct)
    {
        foreach (var (productId, quantity) in lines.OrderBy(l => l.ProductId))
            await db.Database.ExecuteSqlAsync($"UPDATE products SET stock = stock + {quantity} WHERE id = {productId}", ct);
    }

    /// <summary>Cancels the order in its own transaction and gives back the stock of every line not yet shipped.</summary>
    public Task CancelAsync(PurchaseOrder order, CancellationToken ct) =>
        InTransactionAsync(async () =>
        {
            var supplierOrders = await db.SupplierOrders.Where(s => s.OrderId == order.Id).ToListAsync(ct);
            var wasPlaced = order.Status == OrderStatus.Placed;
            // Declined lines gave their stock back when they were declined; nothing was shipped (or cancelling is refused).
            var release = supplierOrders.Where(s => s.Status != SupplierOrderStatus.Cancelled)
                .SelectMany(s => s.Lines).Where(l => l.Status != LineStatus.Declined).ToList();
            order.Cancel(supplierOrders, DateTimeOffset.UtcNow);
            if (wasPlaced) await ReleaseAsync(db, release.Select(l => (l.ProductId, l.Quantity)), ct);
            await db.SaveChangesAsync(ct);
            return order;
        }, ct);
}
