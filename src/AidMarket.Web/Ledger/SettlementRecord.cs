using AidMarket.Domain.Ledger;

namespace AidMarket.Web.Ledger;

/// <summary>
/// 结算记录: the one settlement of a supplier order. Its primary key is the supplier order, so the database itself refuses a
/// second settlement, whatever the retries, duplicate events or instances.
/// </summary>
public class SettlementRecord
{
    private SettlementRecord() { }

    public SettlementRecord(Guid supplierOrderId, Guid journalEntryId, SettlementSplit split, DateTimeOffset settledAt)
    {
        SupplierOrderId = supplierOrderId;
        JournalEntryId = journalEntryId;
        Total = split.Total;
        Fee = split.Fee;
        HouseholdShare = split.HouseholdShare;
        SupplierPart = split.SupplierPart;
        SettledAt = settledAt;
    }

    public Guid SupplierOrderId { get; private set; }
    public Guid JournalEntryId { get; private set; }
    public Money Total { get; private set; }
    public Money Fee { get; private set; }
    /// <summary>What the households got (column household_fen).</summary>
    public Money HouseholdShare { get; private set; }
    /// <summary>What the supplier got (column supplier_fen).</summary>
    public Money SupplierPart { get; private set; }
    public DateTimeOffset SettledAt { get; private set; }
}
