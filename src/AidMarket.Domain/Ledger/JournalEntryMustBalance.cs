using AidMarket.Domain.Common;

namespace AidMarket.Domain.Ledger;

/// <summary>Double entry: at least two postings, none zero, debits equal credits, and no total beyond what a long holds.</summary>
public static class JournalEntryMustBalance
{
    public static void Check(IReadOnlyList<Posting> postings)
    {
        if (postings.Count < 2)
            throw new DomainException("Journal.TooFewPostings", "A journal entry needs at least two postings.");
        if (postings.Any(p => p.Amount.Fen == 0))
            throw new DomainException("Journal.ZeroPosting", "A journal entry cannot post zero.");
        if (postings.Any(p => p.Amount.Fen == long.MinValue))
            throw new DomainException("Journal.Overflow", "An amount in this journal entry is too large.");
        Int128 debits = 0, credits = 0;
        foreach (var posting in postings)
        {
            if (posting.IsDebit) debits += posting.Amount.Fen;
            else credits -= posting.Amount.Fen;
        }
        if (debits > long.MaxValue || credits > long.MaxValue)
            throw new DomainException("Journal.Overflow", "An amount in this journal entry is too large.");
        if (debits != credits)
            throw new DomainException("Journal.Unbalanced", $"Debits ({new Money((long)debits)}) and credits ({new Money((long)credits)}) must be equal.",
                new Money((long)debits), new Money((long)credits));
    }
}
