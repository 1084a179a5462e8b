namespace AidMarket.Web.Messaging.Contracts;

/// <summary>A due date of a standing agreement produced an order (or, with <see cref="Failure"/>, could not).</summary>
public record StandingOrderGenerated(Guid AgreementId, Guid BuyerOrganizationId, Guid SupplierId, DateOnly DueOn, Guid? OrderId, string? OrderNumber, string? Failure);
