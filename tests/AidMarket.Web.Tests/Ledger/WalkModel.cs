using AidMarket.Domain.Ledger;
using AidMarket.Domain.Payments;
using AidMarket.Domain.Procurement;
using AidMarket.Testing;

namespace AidMarket.Web.Tests.Ledger;

/// <summary>
/// What a random walk expects the marketplace to hold, worked out from the steps alone: stock, orders, invoices, payments,
/// refunds, batches and every ledger balance. <see cref="WalkChecks"/> compares it with the database after each step.
/// </summary>
public sealed class WalkModel
{
    public required IReadOnlyList<WalkSupplier> Suppliers { get; init; }
    public required IReadOnlyList<WalkProduct> Products { get; init; }
    public required IReadOnlyList<WalkCounty> Counties { get; init; }
    public Dictionary<Guid, WalkLot> Lots { get; } = [];
    public List<WalkOrder> Orders { get; } = [];
    public IReadOnlyList<WalkBill> Bills => Orders.Select(o => o.Bill).OfType<WalkBill>().ToList();
    public List<WalkSession> Sessions { get; } = [];
    public List<(string SlipKey, TransferMatchKind Outcome)> Transfers { get; } = [];
    public List<(Guid InvoiceId, string Slip, long Fen)> BankRefunds { get; } = [];
    public List<WalkPayment> Disbursements { get; } = [];
    public List<WalkPayment> Payouts { get; } = [];
    public WalkBooks Books { get; } = new();
    /// <summary>Refunds asked of Stripe through AidMarket: each makes the fake send one refund.updated webhook.</summary>
    public int StripeRefunds { get; set; }
    /// <summary>Refunds made in Stripe's dashboard, numbered for their ids.</summary>
    public int DashboardRefunds { get; set; }

    public WalkProduct Product(Guid id) => Products.Single(p => p.Id == id);

    public long HouseholdBalance(Guid household) => Books.CreditBalance(LedgerAccount.Household(household));

    /// <summary>The <paramref name="pick"/>-th record a step applies to (or of all of them when none does, or when it runs wild).</summary>
    public static T? Pick<T>(IReadOnlyList<T> all, int pick, bool wild, Func<T, bool> applies) where T : class
    {
        var candidates = wild ? all : all.Where(applies).ToList();
        if (candidates.Count == 0) candidates = all;
        return candidates.Count == 0 ? null : candidates[pick % candidates.Count];
    }
}

public sealed record WalkCounty(string Code, string Office, IReadOnlyList<Guid> Households);

public sealed record WalkSupplier(Guid Id, string Name, string Email, string CountyCode, decimal SharePercent,
    IReadOnlyList<(Guid Household, long Weight)> Linked);

public sealed record WalkLot(Guid Id, Guid ProductId, IReadOnlyList<(Guid Household, decimal Quantity)> Contributions);

public sealed class WalkProduct(Guid id, Guid supplierId, string name, int minOrder, int stock)
{
    public Guid Id { get; } = id;
    public Guid SupplierId { get; } = supplierId;
    public string Name { get; } = name;
    public int MinOrder { get; } = minOrder;
    public int Stock { get; set; } = stock;
    public List<Guid> Lots { get; } = [];
}

public sealed class WalkLine(Guid productId, int quantity, long unitPriceFen)
{
    public Guid ProductId { get; } = productId;
    public int Quantity { get; } = quantity;
    public long UnitPriceFen { get; } = unitPriceFen;
    public bool Declined { get; set; }
    public int Shipped { get; set; }
    public int Closed { get; set; }
    public int Accepted { get; set; }
    public int Rejected { get; set; }
    /// <summary>Quantity shipped from each lot; <see cref="WithoutLot"/> the rest.</summary>
    public Dictionary<Guid, int> FromLots { get; } = [];
    public int WithoutLot { get; set; }
    public int LeftToShip => Declined ? 0 : Quantity - Shipped - Closed;
    public int Awaiting => Shipped - Accepted - Rejected;
    public long AcceptedFen => Accepted * UnitPriceFen;
}

public sealed class WalkOrder(Guid id, string number, WalkSupplier supplier, IReadOnlyList<WalkLine> lines)
{
    public Guid Id { get; } = id;
    public string Number { get; } = number;
    public WalkSupplier Supplier { get; } = supplier;
    public IReadOnlyList<WalkLine> Lines { get; } = lines;
    public SupplierOrderStatus Status { get; set; } = SupplierOrderStatus.Placed;
    public WalkBill? Bill { get; set; }
    public WalkSettlement? Settlement { get; set; }
    public long PayableFen => Lines.Sum(l => l.AcceptedFen);

    public override string ToString() => $"{Number} of {Supplier.Name}";
}

public enum RefundPath { FromEscrow, ReversingSettlement }

/// <summary>An invoice as the rules say it stands: what was paid, refunded and credited (decision note 013).</summary>
public sealed class WalkBill(Guid id, string reference, long amountFen, WalkOrder order)
{
    public Guid Id { get; } = id;
    public string Reference { get; } = reference;
    public long Amount { get; } = amountFen;
    public WalkOrder Order { get; } = order;
    public List<(string ExternalId, PaymentMethod Method, long Fen)> Payments { get; } = [];
    public List<(long Fen, bool CreditNote)> Refunds { get; } = [];
    /// <summary>What Stripe refunded of each payment intent, asked through AidMarket or in Stripe's dashboard.</summary>
    public Dictionary<string, long> RefundedByIntent { get; } = [];
    /// <summary>What AidMarket asked Stripe to refund (each refund once): all of it must be in the books.</summary>
    public long AskedOfStripe { get; set; }
    public int Failures { get; set; }

    public long Paid => Payments.Sum(p => p.Fen) - Refunds.Sum(r => r.Fen);
    public long Credited => Refunds.Where(r => r.CreditNote).Sum(r => r.Fen);
    public long Due => Amount - Credited;
    public long Outstanding => Math.Max(0, Due - Paid);
    public long Excess => Math.Max(0, Paid - Due);
    public bool Settled => Order.Settlement is not null;
    /// <summary>Accepted and paid in full, not settled yet: settlement must take it.</summary>
    public bool IsDue => !Settled && Order.Status == SupplierOrderStatus.Accepted && Paid >= Amount;
    /// <summary>The most one refund may be now: what escrow holds before settlement; after it the excess first, then the rest.</summary>
    public long Refundable => !Settled ? Paid : Excess > 0 ? Excess : Math.Min(Paid, Order.Settlement!.Unreversed);

    /// <summary>How a refund of <paramref name="fen"/> is posted, or null when it must be refused.</summary>
    public RefundPath? PathFor(long fen) =>
        fen <= 0 || fen > Refundable ? null
        : !Settled || Excess > 0 ? RefundPath.FromEscrow
        : RefundPath.ReversingSettlement;

    public void Pay(WalkBooks books, string externalId, PaymentMethod method, long fen)
    {
        Payments.Add((externalId, method, fen));
        books.Post((LedgerAccount.Cash, fen), (LedgerAccount.Escrow, -fen));
    }

    public void RefundFromEscrow(WalkBooks books, long fen)
    {
        Refunds.Add((fen, false));
        books.Post((LedgerAccount.Escrow, fen), (LedgerAccount.Cash, -fen));
    }

    public override string ToString() => $"invoice {Reference} ({Order.Number})";
}

public sealed record WalkSession(FakeStripe.FakeSession Fake, WalkBill Bill)
{
    public HashSet<string> Delivered { get; } = [];
}

public enum WalkPaymentStatus { Pending, Paid, Failed }

/// <summary>A disbursement line to a household or a payout to a supplier, with the bank's answer.</summary>
public sealed class WalkPayment(Guid batchId, Guid id, Guid owner, long fen, string? county)
{
    public Guid BatchId { get; } = batchId;
    public Guid Id { get; } = id;
    public Guid Owner { get; } = owner;
    public long Fen { get; } = fen;
    public string? County { get; } = county;
    public WalkPaymentStatus Status { get; set; }
}

/// <summary>The ledger the model expects: every account's balance, debit positive, posted only in balanced entries.</summary>
public sealed class WalkBooks
{
    private readonly Dictionary<string, long> _balances = [];

    public IReadOnlyDictionary<string, long> Balances => _balances.Where(b => b.Value != 0).ToDictionary();

    public long CreditBalance(LedgerAccount account) => -_balances.GetValueOrDefault(account.ToString());

    public void Post(params (LedgerAccount Account, long DebitFen)[] postings)
    {
        postings.Sum(p => p.DebitFen).ShouldBe(0, "the model's own entry must balance");
        foreach (var (account, fen) in postings)
            _balances[account.ToString()] = _balances.GetValueOrDefault(account.ToString()) + fen;
    }
}
