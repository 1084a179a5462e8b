namespace AidMarket.Web.Messaging.Contracts;

/// <summary>A message that carries a secret for its consumer only; the outbox keeps the copy without it once sent.</summary>
public interface ICarriesSecret
{
    object WithoutSecret();
}
