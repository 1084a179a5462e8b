namespace AidMarket.Web.Messaging.Contracts;

/// <summary>Certified, Rejected, Revoked, Expired or ExpiringSoon.</summary>
public record CertificationChanged(Guid ProductId, Guid SupplierOrganizationId, string ProductName, string Change, string? CertificateNumber,
    DateOnly? ExpiresOn, string? Reason);
