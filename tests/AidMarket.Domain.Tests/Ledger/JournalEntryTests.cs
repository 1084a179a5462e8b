using AidMarket.Domain.Common;
using AidMarket.Domain.Ledger;
using CsCheck;
using Shouldly;

namespace AidMarket.Domain.Tests.Ledger;

public class JournalEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Household = Guid.NewGuid(), Supplier = Guid.NewGuid(), Product = Guid.NewGuid();

    private static JournalEntryBuilder Entry() => JournalEntry.Build(JournalEntryKind.Payment, "payment:stripe:pi_1", Now);

    [Fact]
    public void Accounts_have_a_stable_string_form_that_parses_back()
    {
        LedgerAccount[] accounts = [LedgerAccount.Cash, LedgerAccount.Escrow, LedgerAccount.PlatformFee, LedgerAccount.DisbursementsInTransit,
            LedgerAccount.Supplier(Supplier), LedgerAccount.Household(Household)];
        accounts.Select(a => a.ToString()).ShouldBe(["cash", "escrow", "platform-fee", "disbursements-in-transit", $"supplier:{Supplier:D}", $"household:{Household:D}"]);
        accounts.Select(a => LedgerAccount.Parse(a.ToString())).ShouldBe(accounts);
    }

    [Fact]
    public void The_names_SQL_builds_on_are_those_of_the_accounts()
    {
        LedgerAccount.Household(Household).ToString().ShouldBe(LedgerAccount.HouseholdPrefix + Household.ToString("D"));
        LedgerAccount.Supplier(Supplier).ToString().ShouldBe(LedgerAccount.SupplierPrefix + Supplier.ToString("D"));
        LedgerAccount.Pattern.ShouldBe(
            "^(cash|escrow|platform-fee|disbursements-in-transit|(supplier|household):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");
        foreach (var text in new[] { "cash", "disbursements-in-transit", $"household:{Household:D}", "household", "bank", $"cash:{Household:D}" })
            System.Text.RegularExpressions.Regex.IsMatch(text, LedgerAccount.Pattern).ShouldBe(LedgerAccount.TryParse(text, out _), text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("household")]
    [InlineData("household:not-a-guid")]
    [InlineData("household:00000000-0000-0000-0000-000000000000")]
    [InlineData("cash:00000000-0000-0000-0000-000000000001")]
    [InlineData("bank")]
    public void Anything_else_is_not_an_account(string text)
    {
        LedgerAccount.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<DomainException>(() => LedgerAccount.Parse(text)).Code.ShouldBe("Ledger.AccountInvalid");
    }

    [Fact]
    public void A_payable_needs_its_owner() =>
        Should.Throw<DomainException>(() => LedgerAccount.Household(Guid.Empty)).Code.ShouldBe("Ledger.OwnerRequired");

    [Fact]
    public void An_entry_must_balance_with_at_least_two_postings()
    {
        Should.Throw<DomainException>(() => Entry().Debit(LedgerAccount.Cash, new Money(100)).Credit(LedgerAccount.Escrow, new Money(99)).Build())
            .Code.ShouldBe("Journal.Unbalanced");
        Should.Throw<DomainException>(() => Entry().Debit(LedgerAccount.Cash, new Money(0)).Credit(LedgerAccount.Escrow, new Money(0)).Build())
            .Code.ShouldBe("Journal.TooFewPostings");
        Should.Throw<DomainException>(() => Entry().Debit(LedgerAccount.Cash, new Money(100)).Credit(LedgerAccount.Cash, new Money(100)).Build())
            .Code.ShouldBe("Journal.TooFewPostings");
        Should.Throw<DomainException>(() => Entry().Debit(LedgerAccount.Cash, new Money(-5))).Code.ShouldBe("Journal.NegativeAmount");
        Should.Throw<DomainException>(() => JournalEntryMustBalance.Check([new Posting(LedgerAccount.Cash, new Money(0)), new Posting(LedgerAccount.Escrow, new Money(0))]))
            .Code.ShouldBe("Journal.ZeroPosting");
    }

    [Fact]
    public void Amounts_beyond_a_long_are_refused_not_wrapped()
    {
        Should.Throw<DomainException>(() => Entry().Debit(LedgerAccount.Cash, new Money(long.MaxValue)).Debit(LedgerAccount.Cash, new Money(1))
            .Credit(LedgerAccount.Escrow, new Money(long.MaxValue)).Credit(LedgerAccount.PlatformFee, new Money(1)).Build()).Code.ShouldBe("Journal.Overflow");
        Should.Throw<DomainException>(() => JournalEntryMustBalance.Check([new Posting(LedgerAccount.Cash, new Money(long.MaxValue)),
            new Posting(LedgerAccount.Cash, new Money(long.MaxValue)), new Posting(LedgerAccount.Escrow, new Money(-long.MaxValue)), new Posting(LedgerAccount.Escrow, new Money(-long.MaxValue))]))
            .Code.ShouldBe("Journal.Overflow");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" payment:x")]
    public void An_entry_needs_the_key_of_its_event(string key) =>
        Should.Throw<DomainException>(() => JournalEntry.Build(JournalEntryKind.Payment, key, Now)).Code.ShouldBe("Journal.SourceKeyRequired");

    [Fact]
    public void Postings_to_the_same_account_and_context_merge_and_sort_so_order_does_not_matter()
    {
        var one = Entry().Credit(LedgerAccount.Household(Household), new Money(30), Supplier, Product, "a").Debit(LedgerAccount.Escrow, new Money(100))
            .Credit(LedgerAccount.Household(Household), new Money(20), Supplier, Product, "b").Credit(LedgerAccount.Supplier(Supplier), new Money(50)).Build();
        var two = Entry().Credit(LedgerAccount.Supplier(Supplier), new Money(50)).Credit(LedgerAccount.Household(Household), new Money(20), Supplier, Product, "b")
            .Debit(LedgerAccount.Escrow, new Money(100)).Credit(LedgerAccount.Household(Household), new Money(30), Supplier, Product, "a").Build();
        one.Postings.ShouldBe(two.Postings);
        one.Postings.Select(p => (p.Account, p.Amount.Fen, p.Memo)).ShouldBe(
            [(LedgerAccount.Escrow, 100, null), (LedgerAccount.Supplier(Supplier), -50, null), (LedgerAccount.Household(Household), -50, "a; b")]);
        one.Total.ShouldBe(new Money(100));
    }

    [Fact]
    public void Balances_are_per_account_and_a_household_balance_is_what_it_is_owed()
    {
        var entry = Entry().Debit(LedgerAccount.Escrow, new Money(100)).Credit(LedgerAccount.Household(Household), new Money(30), Supplier, Product)
            .Credit(LedgerAccount.Supplier(Supplier), new Money(70)).Build();
        var balances = LedgerBalances.Of([entry]);
        balances.DebitBalance(LedgerAccount.Escrow).ShouldBe(new Money(100));
        balances.CreditBalance(LedgerAccount.Household(Household)).ShouldBe(new Money(30));
        balances.HouseholdBalances.ShouldBe(new Dictionary<Guid, Money> { [Household] = new(30) });
        balances.CreditBalance(LedgerAccount.Cash).ShouldBe(Money.Zero);
        balances.Accounts.Sum(a => a.DebitBalance.Fen).ShouldBe(0);
    }

    [Fact]
    public void Any_postings_that_build_into_an_entry_sum_to_zero()
    {
        var account = Gen.OneOf(new[] { LedgerAccount.Cash, LedgerAccount.Escrow, LedgerAccount.PlatformFee, LedgerAccount.Household(Household) });
        Gen.Select(account, Gen.Long[-1_000, 1_000]).Array[0, 8].Sample(postings =>
        {
            var builder = Entry();
            foreach (var (a, fen) in postings) builder.Add(new Posting(a, new Money(fen)));
            var sum = postings.Sum(p => p.Item2);
            var distinct = postings.GroupBy(p => p.Item1).Count(g => g.Sum(p => p.Item2) != 0);
            if (sum == 0 && distinct >= 2) builder.Build().Postings.Sum(p => p.Amount.Fen).ShouldBe(0);
            else Should.Throw<DomainException>(() => builder.Build());
        });
    }
}
