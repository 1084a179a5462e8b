namespace AidMarket.Web.Ledger;

/// <summary>
/// 结算记录: the one settlement of a supplier order. Its primary key is the supplier order, so the database itself refuses a
/// second settlement, whatever the retries, duplicate events or instances.
/// </summary>
public class SettlementRecord
{
    private SettlementRecord() { }

    public SettlementRecord(Guid supplierOrderId, Guid journalEntryId, long totalFen, long feeFen, long householdFen, long supplierFen, DateTimeOffset settledAt)
    {
        SupplierOrderId = supplierOrderId;
        JournalEntryId = journalEntryId;
        TotalFen = totalFen;
        FeeFen = feeFen;
        HouseholdFen = householdFen;
        SupplierFen = supplierFen;
        SettledAt = settledAt;
    }

    public Guid SupplierOrderId { get; private set; }
    public Guid JournalEntryId { get; private set; }
    public long TotalFen { get; private set; }
    public long FeeFen { get; private set; }
    public long HouseholdFen { get; private set; }
    public long SupplierFen { get; private set; }
    public DateTimeOffset SettledAt { get; private set; }
}
