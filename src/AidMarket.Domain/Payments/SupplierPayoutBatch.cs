using AidMarket.Domain.Common;

namespace AidMarket.Domain.Payments;

/// <summary>付款批次: the bank payouts to suppliers sent to the bank in one file, each for the supplier's whole payable balance.</summary>
public class SupplierPayoutBatch
{
    private readonly List<SupplierPayout> _payouts = [];

    private SupplierPayoutBatch() { }

    /// <summary>Balances must be read (and locked) in the transaction that saves the batch, so nothing is paid out twice.</summary>
    public static SupplierPayoutBatch FromBalances(IReadOnlyDictionary<Guid, Money> supplierBalances, DateTimeOffset now)
    {
        var batch = new SupplierPayoutBatch { Id = Guid.CreateVersion7(), CreatedAt = now };
        batch._payouts.AddRange(supplierBalances.Where(b => b.Value > Money.Zero).OrderBy(b => b.Key)
            .Select(b => new SupplierPayout(b.Key, b.Value, b.Value, PayoutMethod.BankBatch, now, batch.Id)));
        if (batch._payouts.Count == 0) throw new DomainException("SupplierPayout.Empty", "No supplier has a balance to pay out.");
        return batch;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<SupplierPayout> Payouts => _payouts;
    public Money Total => _payouts.Aggregate(Money.Zero, (total, p) => total + p.Amount);
}
