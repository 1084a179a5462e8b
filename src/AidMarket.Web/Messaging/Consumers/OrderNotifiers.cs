using AidMarket.Domain.Organizations;
using AidMarket.Web.Messaging.Contracts;

namespace AidMarket.Web.Messaging.Consumers;

/// <summary>Order events, in the app and by email, to the people who act next.</summary>
public class PurchaseOrderSubmittedNotifier : NotifyingConsumer<PurchaseOrderSubmitted>
{
    public PurchaseOrderSubmittedNotifier(AidMarketDbContext db, Mailer mailer, IStringLocalizer<SharedResource> localizer) : base(db)
    {
        Mailer = mailer;
        Localizer = localizer;
    }

    protected override IQueryable<string> Recipients(PurchaseOrderSubmitted m) => MembersWithRole(m.BuyerOrganizationId, OrganizationRole.Approver);

    protected override (string, string[], string?) Message(PurchaseOrderSubmitted m) =>
        ("Notification.OrderNeedsApproval", [m.Number, new Money(m.TotalFen).ToString()], $"/Buyer/Orders/Details/{m.OrderId}");
}

/// <summary>The submitter of an order placed at once, and each supplier of any placed order (of its own part), in one transaction.</summary>
public class PurchaseOrderPlacedNotifier : NotifyingConsumer<PurchaseOrderPlaced>
{
    public PurchaseOrderPlacedNotifier(AidMarketDbContext db, Mailer mailer, IStringLocalizer<SharedResource> localizer) : base(db)
    {
        Mailer = mailer;
        Localizer = localizer;
    }

    /// <summary>The submitter of an approved order heard of it from the review (Notification.OrderApproved).</summary>
    protected override IQueryable<string>? Recipients(PurchaseOrderPlaced m) => m.ApprovedByUserId is null ? Person(m.SubmittedByUserId) : null;

    protected override (string, string[], string?) Message(PurchaseOrderPlaced m) =>
        ("Notification.OrderPlaced", [m.Number, new Money(m.TotalFen).ToString()], $"/Buyer/Orders/Details/{m.OrderId}");

    protected override async Task FindAsync(PurchaseOrderPlaced m, CancellationToken ct)
    {
        await base.FindAsync(m, ct);
        await TellSuppliersAsync(m.Number, m.Parts, ct);
    }
}

public class PurchaseOrderReviewedNotifier : NotifyingConsumer<PurchaseOrderReviewed>
{
    public PurchaseOrderReviewedNotifier(AidMarketDbContext db, Mailer mailer, IStringLocalizer<SharedResource> localizer) : base(db)
    {
        Mailer = mailer;
        Localizer = localizer;
    }

    protected override IQueryable<string>? Recipients(PurchaseOrderReviewed m) => Person(m.SubmittedByUserId);

    protected override (string, string[], string?) Message(PurchaseOrderReviewed m) =>
        (m.Approved ? "Notification.OrderApproved" : "Notification.OrderRejected", [m.Number, m.Reason ?? ""], $"/Buyer/Orders/Details/{m.OrderId}");
}

public class SupplierOrderChangedNotifier : NotifyingConsumer<SupplierOrderChanged>
{
    public SupplierOrderChangedNotifier(AidMarketDbContext db, Mailer mailer, IStringLocalizer<SharedResource> localizer) : base(db)
    {
        Mailer = mailer;
        Localizer = localizer;
    }

    /// <summary>Confirmations and declines go to the purchasers, shipments to the receivers, acceptances back to the supplier.</summary>
    protected override IQueryable<string> Recipients(SupplierOrderChanged m) => m.Change switch
    {
        "Shipped" => MembersWithRole(m.BuyerOrganizationId, OrganizationRole.Receiver),
        "Accepted" or "PartlyAccepted" => MembersOfSupplier(m.SupplierId),
        _ => MembersWithRole(m.BuyerOrganizationId, OrganizationRole.Purchaser),
    };

    protected override (string, string[], string?) Message(SupplierOrderChanged m) =>
        ("Notification.SupplierOrder" + m.Change, [m.OrderNumber],
            m.Change is "Accepted" or "PartlyAccepted" ? $"/Supplier/Orders/Details/{m.SupplierOrderId}" : $"/Buyer/Orders/Details/{m.OrderId}");
}

public class StandingAgreementChangedNotifier(AidMarketDbContext db) : NotifyingConsumer<StandingAgreementChanged>(db)
{
    protected override IQueryable<string> Recipients(StandingAgreementChanged m) => m.Change == "Proposed"
        ? MembersOfSupplier(m.SupplierId)
        : MembersWithRole(m.BuyerOrganizationId, OrganizationRole.Purchaser).Concat(MembersOfSupplier(m.SupplierId));

    protected override (string, string[], string?) Message(StandingAgreementChanged m) =>
        ("Notification.Agreement" + m.Change, [], m.Change == "Proposed" ? "/Supplier/Agreements" : "/Buyer/Agreements");
}

public class StandingOrderGeneratedNotifier : NotifyingConsumer<StandingOrderGenerated>
{
    public StandingOrderGeneratedNotifier(AidMarketDbContext db, Mailer mailer, IStringLocalizer<SharedResource> localizer) : base(db)
    {
        Mailer = mailer;
        Localizer = localizer;
    }

    protected override IQueryable<string> Recipients(StandingOrderGenerated m) =>
        MembersWithRole(m.BuyerOrganizationId, OrganizationRole.Purchaser).Concat(MembersOfSupplier(m.SupplierId));

    protected override (string, string[], string?) Message(StandingOrderGenerated m) => m.Failure is null
        ? ("Notification.StandingOrderGenerated", [m.OrderNumber!, m.DueOn.ToString("yyyy-MM-dd")], $"/Buyer/Orders/Details/{m.OrderId}")
        : ("Notification.StandingOrderFailed", [m.DueOn.ToString("yyyy-MM-dd"), m.Failure], "/Buyer/Agreements");
}

/// <summary>The buyer's finance people learn an invoice is due, with its amount and payment reference.</summary>
public class InvoiceIssuedNotifier : NotifyingConsumer<InvoiceIssued>
{
    public InvoiceIssuedNotifier(AidMarketDbContext db, Mailer mailer, IStringLocalizer<SharedResource> localizer) : base(db)
    {
        Mailer = mailer;
        Localizer = localizer;
    }

    protected override IQueryable<string> Recipients(InvoiceIssued m) => MembersWithRole(m.BuyerOrganizationId, OrganizationRole.Finance);

    protected override (string, string[], string?) Message(InvoiceIssued m) =>
        ("Notification.InvoiceIssued", [m.OrderNumber, new Money(m.AmountFen).ToString(), m.Reference], $"/Buyer/Invoices/Details/{m.InvoiceId}");
}

/// <summary>The supplier learns an order is settled: what it was paid and what went to households.</summary>
public class SupplierOrderSettledNotifier(AidMarketDbContext db) : NotifyingConsumer<SupplierOrderSettled>(db)
{
    protected override IQueryable<string> Recipients(SupplierOrderSettled m) => MembersOfSupplier(m.SupplierId);

    protected override (string, string[], string?) Message(SupplierOrderSettled m) =>
        ("Notification.SupplierOrderSettled", [new Money(m.TotalFen).ToString(), new Money(m.HouseholdFen).ToString(), m.Households.ToString()],
            $"/Supplier/Orders/Details/{m.SupplierOrderId}");
}
