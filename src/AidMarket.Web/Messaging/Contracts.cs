using AidMarket.Domain.Organizations;

namespace AidMarket.Web.Messaging.Contracts;

public record OrganizationCreated(Guid OrganizationId, OrganizationKind Kind, string Name, string CreatedByUserId);

/// <summary>A message that carries a secret for its consumer only; the outbox keeps the copy without it once sent.</summary>
public interface ICarriesSecret
{
    object WithoutSecret();
}

public record MemberInvited(Guid InvitationId, Guid OrganizationId, string OrganizationName, string Email,
    OrganizationRole Role, string AcceptUrl, string Culture) : ICarriesSecret
{
    public object WithoutSecret() => this with { AcceptUrl = "" };
}

public record MemberJoined(Guid OrganizationId, string UserId, string DisplayName, OrganizationRole Role, string InvitedByUserId);

public record SupplierRegistered(Guid SupplierId, string CountyCode, string LegalName);

/// <summary>Approved, Rejected, Suspended or Reinstated, with the officer's reason where one is required.</summary>
public record SupplierReviewed(Guid SupplierId, Guid OrganizationId, string LegalName, string Decision, string? Reason);

public record BenefitPlanProposed(Guid SupplierId, Guid PlanId, string CountyCode, string LegalName, decimal HouseholdSharePercent);

public record BenefitPlanReviewed(Guid SupplierId, Guid OrganizationId, Guid PlanId, bool Approved, string? Reason);

public record BenefitLinkProposed(Guid LinkId, Guid SupplierId, string CountyCode, string LegalName);

public record BenefitLinkReviewed(Guid LinkId, Guid OrganizationId, bool Confirmed, string? Reason);

public record CertificationRequested(Guid ProductId, string CountyCode, string ProductName, string LegalName);

/// <summary>Certified, Rejected, Revoked, Expired or ExpiringSoon.</summary>
public record CertificationChanged(Guid ProductId, Guid SupplierOrganizationId, string ProductName, string Change, string? CertificateNumber,
    DateOnly? ExpiresOn, string? Reason);

/// <summary>A submitted order; when it was placed at once (under the approval threshold), <see cref="Placed"/> lists its supplier
/// orders, so one message tells the buyer and every supplier.</summary>
public record PurchaseOrderSubmitted(Guid OrderId, Guid BuyerOrganizationId, string Number, long TotalFen, bool NeedsApproval, string SubmittedByUserId,
    IReadOnlyList<PlacedSupplierOrder>? Placed = null);

public record PurchaseOrderReviewed(Guid OrderId, Guid BuyerOrganizationId, string Number, bool Approved, string? Reason, string SubmittedByUserId);

/// <summary>An approved order was placed: one supplier order per supplier, in one message (each supplier is told of its own part).</summary>
public record SupplierOrdersPlaced(Guid OrderId, string OrderNumber, Guid BuyerOrganizationId, IReadOnlyList<PlacedSupplierOrder> Parts);

public record PlacedSupplierOrder(Guid SupplierOrderId, Guid SupplierId, long TotalFen);

/// <summary>Confirmed (some lines may be declined), Declined, Shipped or Accepted.</summary>
public record SupplierOrderChanged(Guid SupplierOrderId, Guid OrderId, string OrderNumber, Guid SupplierId, Guid BuyerOrganizationId, string Change);

public record StandingAgreementChanged(Guid AgreementId, Guid BuyerOrganizationId, Guid SupplierId, string Change);

/// <summary>A due date of a standing agreement produced an order (or, with <see cref="Failure"/>, could not).</summary>
public record StandingOrderGenerated(Guid AgreementId, Guid BuyerOrganizationId, Guid SupplierId, DateOnly DueOn, Guid? OrderId, string? OrderNumber, string? Failure);

/// <summary>An accepted supplier order became payable: the buyer's finance users are told to pay.</summary>
public record InvoiceIssued(Guid InvoiceId, Guid BuyerOrganizationId, Guid SupplierId, string Reference, string OrderNumber, long AmountFen);

/// <summary>An invoice is paid in full: its supplier order is due for settlement.</summary>
public record InvoicePaid(Guid InvoiceId, Guid SupplierOrderId, Guid BuyerOrganizationId, string Reference);

/// <summary>A supplier order was settled: the household share is credited.</summary>
public record SupplierOrderSettled(Guid SupplierOrderId, Guid SupplierId, long TotalFen, long HouseholdFen, int Households);

/// <summary>A verified Stripe event was stored (table stripe_events): it is to be applied.</summary>
public record StripeEventReceived(string EventId, string Type);

/// <summary>Money went back to the buyer against an invoice (a Stripe refund or a recorded bank refund).</summary>
public record InvoiceRefunded(Guid InvoiceId, Guid SupplierOrderId, Guid BuyerOrganizationId, string Reference, long AmountFen, bool AfterSettlement);
