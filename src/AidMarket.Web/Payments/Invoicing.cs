using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using AidMarket.Domain.Procurement;
using AidMarket.Web.Messaging.Contracts;

namespace AidMarket.Web.Payments;

/// <summary>Invoices for accepted orders and the payments against them; all inside the caller's transaction.</summary>
public static class Invoicing
{
    /// <summary>
    /// Issues the invoice of an order the buyer has just accepted (nothing if nothing was accepted or it already has one).
    /// Called in the transaction that accepts, so an accepted order and its invoice commit together.
    /// </summary>
    public static async Task<Invoice?> IssueIfAcceptedAsync(AidMarketDbContext db, SupplierOrder order, DateTimeOffset now, CancellationToken ct)
    {
        if (order.Status != SupplierOrderStatus.Accepted || order.Payable.Fen <= 0) return null;
        if (await db.Invoices.AnyAsync(i => i.SupplierOrderId == order.Id, ct)) return null;
        var sequence = (long)(await db.ScalarAsync("SELECT nextval('invoice_references')", ct))!;
        var invoice = Invoice.For(order, sequence, now);
        db.Invoices.Add(invoice);
        db.Publish(new InvoiceIssued(invoice.Id, invoice.BuyerOrganizationId, invoice.SupplierId, invoice.Reference, invoice.OrderNumber, invoice.Amount.Fen));
        return invoice;
    }

    /// <summary>
    /// The invoices with these payment references, locked (in id order) until the caller's transaction ends: two payments of
    /// one invoice never interleave.
    /// </summary>
    public static Task<List<Invoice>> LockAsync(AidMarketDbContext db, string[] references, CancellationToken ct) =>
        db.Invoices.FromSql($"SELECT * FROM invoices WHERE reference = ANY({references}) ORDER BY id FOR UPDATE").ToListAsync(ct);

    /// <summary>
    /// Records money received against a locked invoice: the payment on the invoice and its journal entry (Dr cash, Cr escrow)
    /// commit together; the entry's unique source key refuses the same payment twice. When the invoice is paid in full, the
    /// order is announced due for settlement. Returns false for a payment already recorded (a retry).
    /// </summary>
    public static bool ApplyPayment(AidMarketDbContext db, Invoice invoice, Money amount, PaymentMethod method, string externalId, DateTimeOffset now)
    {
        // A new payment is only accepted while something is outstanding, so reaching zero here happens once per invoice.
        if (!invoice.ApplyPayment(amount, method, externalId, now)) return false;
        db.JournalEntries.Add(PaymentEntries.Received(method, externalId, amount, invoice.SupplierId, now, invoice.Reference));
        if (invoice.Outstanding == Money.Zero)
            db.Publish(new InvoicePaid(invoice.Id, invoice.SupplierOrderId, invoice.BuyerOrganizationId, invoice.Reference));
        return true;
    }
}
