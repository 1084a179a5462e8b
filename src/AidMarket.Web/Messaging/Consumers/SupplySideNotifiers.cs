using AidMarket.Web.Messaging.Contracts;

namespace AidMarket.Web.Messaging.Consumers;

public class SupplierRegisteredNotifier(AidMarketDbContext db) : NotifyingConsumer<SupplierRegistered>(db)
{
    protected override IQueryable<string> Recipients(SupplierRegistered m) => OfficersOf(m.CountyCode);
    protected override (string, string[], string?) Message(SupplierRegistered m) =>
        ("Notification.SupplierRegistered", [m.LegalName], $"/County/Suppliers/Details/{m.SupplierId}");
}

public class SupplierReviewedNotifier(AidMarketDbContext db) : NotifyingConsumer<SupplierReviewed>(db)
{
    protected override IQueryable<string> Recipients(SupplierReviewed m) => MembersOf(m.OrganizationId);
    protected override (string, string[], string?) Message(SupplierReviewed m) =>
        ("Notification.Supplier" + m.Decision, [m.LegalName, m.Reason ?? ""], "/Supplier");
}

public class BenefitPlanProposedNotifier(AidMarketDbContext db) : NotifyingConsumer<BenefitPlanProposed>(db)
{
    protected override IQueryable<string> Recipients(BenefitPlanProposed m) => OfficersOf(m.CountyCode);
    protected override (string, string[], string?) Message(BenefitPlanProposed m) =>
        ("Notification.PlanProposed", [m.LegalName, m.HouseholdSharePercent.ToString("0.##")], $"/County/Suppliers/Details/{m.SupplierId}");
}

public class BenefitPlanReviewedNotifier(AidMarketDbContext db) : NotifyingConsumer<BenefitPlanReviewed>(db)
{
    protected override IQueryable<string> Recipients(BenefitPlanReviewed m) => MembersOf(m.OrganizationId);
    protected override (string, string[], string?) Message(BenefitPlanReviewed m) =>
        (m.Approved ? "Notification.PlanApproved" : "Notification.PlanRejected", [m.Reason ?? ""], "/Supplier");
}

public class BenefitLinkProposedNotifier(AidMarketDbContext db) : NotifyingConsumer<BenefitLinkProposed>(db)
{
    protected override IQueryable<string> Recipients(BenefitLinkProposed m) => OfficersOf(m.CountyCode);
    protected override (string, string[], string?) Message(BenefitLinkProposed m) =>
        ("Notification.LinkProposed", [m.LegalName], "/County/Links");
}

public class BenefitLinkReviewedNotifier(AidMarketDbContext db) : NotifyingConsumer<BenefitLinkReviewed>(db)
{
    protected override IQueryable<string> Recipients(BenefitLinkReviewed m) => MembersOf(m.OrganizationId);
    protected override (string, string[], string?) Message(BenefitLinkReviewed m) =>
        (m.Confirmed ? "Notification.LinkConfirmed" : "Notification.LinkRejected", [m.Reason ?? ""], "/Supplier/Links");
}

public class CertificationRequestedNotifier(AidMarketDbContext db) : NotifyingConsumer<CertificationRequested>(db)
{
    protected override IQueryable<string> Recipients(CertificationRequested m) => OfficersOf(m.CountyCode);
    protected override (string, string[], string?) Message(CertificationRequested m) =>
        ("Notification.CertificationRequested", [m.LegalName, m.ProductName], $"/County/Certifications/Details/{m.ProductId}");
}

public class CertificationChangedNotifier(AidMarketDbContext db) : NotifyingConsumer<CertificationChanged>(db)
{
    protected override IQueryable<string> Recipients(CertificationChanged m) => MembersOf(m.SupplierOrganizationId);
    protected override (string, string[], string?) Message(CertificationChanged m) =>
        ("Notification.Certification" + m.Change, [m.ProductName, m.CertificateNumber ?? "", m.ExpiresOn?.ToString("yyyy-MM-dd") ?? "", m.Reason ?? ""],
            $"/Supplier/Products/Details/{m.ProductId}");
}
