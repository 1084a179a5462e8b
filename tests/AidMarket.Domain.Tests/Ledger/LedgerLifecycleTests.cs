using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using CsCheck;
using Shouldly;

namespace AidMarket.Domain.Tests.Ledger;

/// <summary>Random runs of payment, settlement, partial refunds, disbursements (paid or failed) and supplier payouts.</summary>
public class LedgerLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The ledger as the database would keep it: append only, one entry per source key.</summary>
    private sealed class Books
    {
        public List<JournalEntry> Entries { get; } = [];
        public LedgerBalances Balances => LedgerBalances.Of(Entries);

        public void Post(JournalEntry entry)
        {
            Entries.ShouldNotContain(e => e.SourceKey == entry.SourceKey);
            Entries.Add(entry);
        }
    }

    private static readonly Gen<(int Op, int Permille, bool Paid)[]> Steps =
        Gen.Select(Gen.Int[0, 3], Gen.Frequency((1, Gen.Int[0, 20]), (2, Gen.Int[0, 1000])), Gen.Bool).Array[1, 20];

    [Fact]
    public void Every_run_keeps_the_books_balanced_and_no_household_below_zero()
    {
        Gen.Select(LedgerGen.Request, Steps).Sample((request, steps) =>
        {
            var books = new Books();
            var settlement = Settlement.Entry(request, Now);
            books.Post(PaymentEntries.Received(PaymentMethod.Stripe, $"pi_{request.SupplierOrderId:N}", new Money(settlement.Total.Fen), request.SupplierId, Now));
            books.Post(settlement);
            var refunds = new List<JournalEntry>();
            var batches = new List<DisbursementBatch>();
            var supplier = LedgerAccount.Supplier(request.SupplierId);

            foreach (var (op, permille, paid) in steps)
            {
                switch (op)
                {
                    case 0:
                        var refundable = settlement.Total.Fen - refunds.Sum(r => r.Total.Fen);
                        var amount = Math.Max(1, refundable * permille / 1000);
                        if (refundable == 0)
                        {
                            Should.Throw<DomainException>(() => Refunds.AfterSettlement(settlement, refunds, Guid.NewGuid(), new Money(amount), books.Balances.HouseholdBalances, Now))
                                .Code.ShouldBe("Refund.ExceedsRefundable");
                            break;
                        }
                        var refund = Refunds.AfterSettlement(settlement, refunds, Guid.NewGuid(), new Money(amount), books.Balances.HouseholdBalances, Now);
                        refunds.Add(refund);
                        books.Post(refund);
                        break;
                    case 1 when books.Balances.HouseholdBalances.Values.Any(b => b > Money.Zero):
                        var minimum = Math.Min(permille, books.Balances.HouseholdBalances.Values.Max().Fen);
                        var batch = DisbursementBatch.FromBalances(books.Balances.HouseholdBalances, new Money(minimum), Now);
                        batch.Lines.ShouldAllBe(l => l.Amount.Fen >= minimum);
                        batches.Add(batch);
                        books.Post(batch.SentEntry());
                        break;
                    case 1:
                        Should.Throw<DomainException>(() => DisbursementBatch.FromBalances(books.Balances.HouseholdBalances, Money.Zero, Now)).Code.ShouldBe("Disbursement.Empty");
                        break;
                    case 2:
                        foreach (var line in batches.SelectMany(b => b.Lines.Select(l => (Batch: b, Line: l))).Where(x => x.Line.Status == DisbursementStatus.Pending).Take(2).ToList())
                            books.Post(paid ? line.Batch.MarkPaid(line.Line.HouseholdId, null, Now) : line.Batch.MarkFailed(line.Line.HouseholdId, "returned", Now));
                        break;
                    default:
                        var owed = books.Balances.CreditBalance(supplier).Fen;
                        if (owed * permille / 1000 > 0)
                            books.Post(new SupplierPayout(request.SupplierId, new Money(owed * permille / 1000), new Money(owed), PayoutMethod.StripeConnect, Now, stripeAccountId: "acct_1Nv0FGQ9RKHgCVdK").Entry());
                        break;
                }
                Check(books, settlement, refunds);
            }
        });
    }

    private static void Check(Books books, JournalEntry settlement, List<JournalEntry> refunds)
    {
        books.Entries.ShouldAllBe(e => e.Postings.Sum(p => p.Amount.Fen) == 0 && e.Postings.Count >= 2 && e.Postings.All(p => p.Amount.Fen != 0));
        var balances = books.Balances;
        balances.HouseholdBalances.Values.ShouldAllBe(b => b >= Money.Zero);
        balances.Accounts.Sum(a => a.DebitBalance.Fen).ShouldBe(0);
        refunds.Sum(r => r.Total.Fen).ShouldBeLessThanOrEqualTo(settlement.Total.Fen);
        balances.CreditBalance(LedgerAccount.PlatformFee).Fen.ShouldBeGreaterThanOrEqualTo(0);
        balances.CreditBalance(LedgerAccount.DisbursementsInTransit).Fen.ShouldBeGreaterThanOrEqualTo(0);
        // No part of the split is reversed beyond what it was: fee, each household's part (given back or covered), the supplier's own part.
        var split = SettlementSplit.FromEntry(settlement);
        var reversed = refunds.SelectMany(r => r.Postings).ToList();
        reversed.Where(p => p.Account == LedgerAccount.PlatformFee).Sum(p => p.Amount.Fen).ShouldBeLessThanOrEqualTo(split.Fee.Fen);
        reversed.Where(p => p.Account.Kind == LedgerAccountKind.SupplierPayable && p.CoveredHouseholdId is null).Sum(p => p.Amount.Fen)
            .ShouldBeLessThanOrEqualTo(split.SupplierPart.Fen);
        foreach (var part in split.HouseholdParts)
            reversed.Where(p => p.ProductId == part.ProductId && (p.Account == LedgerAccount.Household(part.HouseholdId) || p.CoveredHouseholdId == part.HouseholdId))
                .Sum(p => p.Amount.Fen).ShouldBeLessThanOrEqualTo(part.Amount.Fen);
        // Paid out to a household never exceeds what it was credited (refunds only take back what it still had).
        foreach (var (household, credited) in SettlementSplit.FromEntry(settlement).HouseholdParts.GroupBy(p => p.HouseholdId).Select(g => (g.Key, g.Sum(p => p.Amount.Fen))))
        {
            var account = LedgerAccount.Household(household);
            var sent = books.Entries.Where(e => e.Kind == JournalEntryKind.DisbursementSent).SelectMany(e => e.Postings).Where(p => p.Account == account).Sum(p => p.Amount.Fen);
            var returned = -books.Entries.Where(e => e.Kind == JournalEntryKind.DisbursementFailed).SelectMany(e => e.Postings).Where(p => p.Account == account).Sum(p => p.Amount.Fen);
            var takenBack = refunds.SelectMany(e => e.Postings).Where(p => p.Account == account).Sum(p => p.Amount.Fen);
            (sent - returned + takenBack).ShouldBeLessThanOrEqualTo(credited);
        }
        // Cash holds what came in less refunds, paid payouts and supplier payouts: nothing is created or lost.
        var paidOut = books.Entries.Where(e => e.Kind is JournalEntryKind.DisbursementPaid or JournalEntryKind.SupplierPayout).Sum(e => e.Total.Fen);
        balances.DebitBalance(LedgerAccount.Cash).Fen.ShouldBe(settlement.Total.Fen - refunds.Sum(r => r.Total.Fen) - paidOut);
    }
}
