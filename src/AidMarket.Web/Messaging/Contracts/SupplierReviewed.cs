namespace AidMarket.Web.Messaging.Contracts;

/// <summary>Approved, Rejected, Suspended or Reinstated, with the officer's reason where one is required.</summary>
public record SupplierReviewed(Guid SupplierId, Guid OrganizationId, string LegalName, string Decision, string? Reason);
