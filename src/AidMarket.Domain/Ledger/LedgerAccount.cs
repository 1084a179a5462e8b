using AidMarket.Domain.Common;

namespace AidMarket.Domain.Ledger;

/// <summary>What an account holds, seen from the platform's books.</summary>
public enum LedgerAccountKind
{
    /// <summary>The platform's bank and Stripe balance (asset).</summary>
    Cash,
    /// <summary>Buyer money received and not yet settled (liability).</summary>
    Escrow,
    /// <summary>What the platform owes one supplier (liability; owner = supplier id).</summary>
    SupplierPayable,
    /// <summary>What the platform owes one household and has not yet sent (liability; owner = household id).</summary>
    HouseholdPayable,
    /// <summary>The platform's own income.</summary>
    PlatformFee,
    /// <summary>Household money in a payout batch the bank has not yet confirmed.</summary>
    DisbursementsInTransit,
}

/// <summary>
/// One account of the ledger: a kind, and for payables the supplier or household it is owed to.
/// Its string form ("household:{guid}") is what the database stores and indexes.
/// </summary>
public readonly record struct LedgerAccount : IComparable<LedgerAccount>
{
    private LedgerAccount(LedgerAccountKind kind, Guid? ownerId)
    {
        Kind = kind;
        OwnerId = ownerId;
    }

    public LedgerAccountKind Kind { get; }
    public Guid? OwnerId { get; }

    public static LedgerAccount Cash => new(LedgerAccountKind.Cash, null);
    public static LedgerAccount Escrow => new(LedgerAccountKind.Escrow, null);
    public static LedgerAccount PlatformFee => new(LedgerAccountKind.PlatformFee, null);
    public static LedgerAccount DisbursementsInTransit => new(LedgerAccountKind.DisbursementsInTransit, null);
    public static LedgerAccount Supplier(Guid supplierId) => new(LedgerAccountKind.SupplierPayable, RequireOwner(supplierId));
    public static LedgerAccount Household(Guid householdId) => new(LedgerAccountKind.HouseholdPayable, RequireOwner(householdId));

    private const string SupplierName = "supplier", HouseholdName = "household";
    /// <summary>How every supplier account's name starts, for SQL that picks them out of the postings.</summary>
    public const string SupplierPrefix = SupplierName + ":";
    /// <summary>How every household account's name starts, for SQL that picks them out of the postings.</summary>
    public const string HouseholdPrefix = HouseholdName + ":";

    private static readonly (LedgerAccountKind Kind, string Name)[] Names =
    [
        (LedgerAccountKind.Cash, "cash"), (LedgerAccountKind.Escrow, "escrow"), (LedgerAccountKind.SupplierPayable, SupplierName),
        (LedgerAccountKind.HouseholdPayable, HouseholdName), (LedgerAccountKind.PlatformFee, "platform-fee"),
        (LedgerAccountKind.DisbursementsInTransit, "disbursements-in-transit"),
    ];

    private static bool HasOwner(LedgerAccountKind kind) => kind is LedgerAccountKind.SupplierPayable or LedgerAccountKind.HouseholdPayable;

    /// <summary>The regular expression (POSIX and .NET alike) that every account's name matches, owners as lower-case guids.</summary>
    public static string Pattern =>
        $"^({string.Join('|', Names.Where(n => !HasOwner(n.Kind)).Select(n => n.Name))}|({string.Join('|', Names.Where(n => HasOwner(n.Kind)).Select(n => n.Name))})"
        + ":[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$";

    /// <summary>"cash", "escrow", "platform-fee", "disbursements-in-transit", "supplier:{guid}", "household:{guid}".</summary>
    public override string ToString()
    {
        var kind = Kind;
        var name = Names.Single(n => n.Kind == kind).Name;
        return OwnerId is { } owner ? $"{name}:{owner:D}" : name;
    }

    public static bool TryParse(string? text, out LedgerAccount account)
    {
        account = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split(':');
        var match = Names.Where(n => n.Name == parts[0]).Select(n => (LedgerAccountKind?)n.Kind).SingleOrDefault();
        if (match is not { } kind) return false;
        if (!HasOwner(kind))
        {
            if (parts.Length != 1) return false;
            account = new LedgerAccount(kind, null);
            return true;
        }
        if (parts.Length != 2 || !Guid.TryParseExact(parts[1], "D", out var owner) || owner == Guid.Empty) return false;
        account = new LedgerAccount(kind, owner);
        return true;
    }

    public static LedgerAccount Parse(string? text) =>
        TryParse(text, out var account)
            ? account
            : throw new DomainException("Ledger.AccountInvalid", $"'{text}' is not a ledger account.", text ?? "");

    /// <summary>By kind, then owner: the order postings are kept in, so equal entries look equal.</summary>
    public int CompareTo(LedgerAccount other)
    {
        var byKind = Kind.CompareTo(other.Kind);
        return byKind != 0 ? byKind : Nullable.Compare(OwnerId, other.OwnerId);
    }

    private static Guid RequireOwner(Guid id) =>
        id == Guid.Empty ? throw new DomainException("Ledger.OwnerRequired", "A payable account needs the supplier or household it is owed to.") : id;
}
