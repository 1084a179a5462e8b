using AidMarket.Domain.Payments;
using AidMarket.Domain.Procurement;

namespace AidMarket.Domain.Ledger;

/// <summary>
/// 待结算: a supplier order is due for settlement when it is accepted, not yet settled, and its invoice is paid in full.
/// The settlement runner claims due orders in SQL; AidMarket.Web.Ledger.DueForSettlementSql restates this rule there, and a test
/// on PostgreSQL holds the two to the same answer.
/// </summary>
public static class DueForSettlement
{
    /// <summary>Whether <paramref name="order"/> is due, given its invoice (null when it has none yet).</summary>
    public static bool Holds(SupplierOrder order, Invoice? invoice)
    {
        if (invoice is not null && invoice.SupplierOrderId != order.Id) throw new ArgumentException("The invoice is not this order's.", nameof(invoice));
        return order.Status == SupplierOrderStatus.Accepted && order.SettledAt is null && invoice is not null && invoice.Paid >= invoice.Amount;
    }
}
