using AidMarket.Domain.Ledger;
using AidMarket.Domain.Procurement;

namespace AidMarket.Web.Ledger;

/// <summary>
/// <see cref="DueForSettlement"/> restated in SQL, once, for the settlement runner's claims and the partial index that serves
/// them; DueForSettlementTests checks on PostgreSQL that both give the same answer.
/// </summary>
public static class DueForSettlementSql
{
    /// <summary>The order's own part (accepted, not settled), also the filter of the partial index <c>ix_supplier_orders_due</c>.</summary>
    public const string OrderFilter = $"status = '{nameof(SupplierOrderStatus.Accepted)}' AND settled_at IS NULL";

    /// <summary>The whole rule on a <c>supplier_orders</c> row (not aliased): its own part and its invoice paid in full.</summary>
    public const string Condition = OrderFilter
        + " AND EXISTS (SELECT 1 FROM invoices i WHERE i.supplier_order_id = supplier_orders.id AND i.paid_fen >= i.amount_fen)";
}
