namespace AidMarket.Domain.Ledger;

/// <summary>
/// The keys that make each business event post once. The database holds a unique index on
/// <see cref="JournalEntry.SourceKey"/>; a second insert of the same key is the retry, not a new event.
/// </summary>
public static class SourceKeys
{
    public static string Payment(string method, string externalId) => $"payment:{method}:{externalId.Trim()}";
    public static string Settlement(Guid supplierOrderId) => $"settlement:{supplierOrderId:D}";
    /// <summary>Refunds carry their order so all refunds of an order can be found by prefix (<see cref="RefundPrefix"/>).</summary>
    public static string Refund(Guid supplierOrderId, Guid refundId) => $"{RefundPrefix(supplierOrderId)}{refundId:D}";
    public static string RefundPrefix(Guid supplierOrderId) => $"refund:{supplierOrderId:D}:";
    public static string DisbursementSent(Guid batchId) => $"disbursement:{batchId:D}";
    /// <summary>Paid and failed share one key per line, so a line can settle only once, whichever comes first.</summary>
    public static string DisbursementLine(Guid batchId, Guid householdId) => $"disbursement:{batchId:D}:{householdId:D}";
    public static string SupplierPayout(Guid payoutId) => $"supplier-payout:{payoutId:D}";
    public static string SupplierPayoutFailed(Guid payoutId) => $"supplier-payout:{payoutId:D}:failed";
}
