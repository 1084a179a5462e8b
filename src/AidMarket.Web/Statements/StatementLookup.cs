namespace AidMarket.Web.Statements;

public enum LookupOutcome { Found, NoMatch, RateLimited }

/// <summary>
/// One attempt to open a household statement (明白卡查询), whatever its outcome: the card code as entered, who asked (IP) and when.
/// The county is known when the card code exists, so its officers see the attempts on their households; the second factor is never stored.
/// </summary>
public class StatementLookup
{
    public const int CardCodeMaxLength = 32;

    private StatementLookup() { CardCode = IpAddress = ""; }

    public StatementLookup(string cardCode, Guid? householdId, string? countyCode, LookupOutcome outcome, string ipAddress, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        CardCode = cardCode.Length > CardCodeMaxLength ? cardCode[..CardCodeMaxLength] : cardCode;
        HouseholdId = householdId;
        CountyCode = countyCode;
        Outcome = outcome;
        IpAddress = ipAddress;
        At = at;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string CardCode { get; private set; }
    public Guid? HouseholdId { get; private set; }
    public string? CountyCode { get; private set; }
    public LookupOutcome Outcome { get; private set; }
    public string IpAddress { get; private set; }
}
