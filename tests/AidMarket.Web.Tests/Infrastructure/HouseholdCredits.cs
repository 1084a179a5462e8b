using AidMarket.Testing;
using AidMarket.Domain.Producers;
using AidMarket.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace AidMarket.Web.Tests.Infrastructure;

/// <summary>
/// Households of 田林县 with income in the ledger (<see cref="LedgerSeeding"/>; SettlementFlowTests covers how a real order gets there).
/// </summary>
public static class HouseholdCredits
{
    public const string TianlinOffice = "田林县乡村振兴局";
    public const string OtherCountyOffice = "瓮安县乡村振兴局";

    public static Task<string> CountyOfAsync(AppFixture app, string office) =>
        app.QueryAsync(db => db.Organizations.Where(o => o.Name == office).Select(o => o.CountyCode!).SingleAsync());

    /// <summary>The county's households with a payout account, in a stable order.</summary>
    public static async Task<List<Household>> HouseholdsAsync(AppFixture app, string office = TianlinOffice)
    {
        var county = await CountyOfAsync(app, office);
        return await app.QueryAsync(db => db.Households.Where(h => h.CountyCode == county && h.PayoutAccountCipher != null).OrderBy(h => h.Id).ToListAsync());
    }

    public static Task<(Guid SupplierId, Guid ProductId)> CreditAsync(AppFixture app, params (Guid HouseholdId, long Fen)[] parts) =>
        LedgerSeeding.CreditAsync(app.Factory.Services, parts);

    public static string LastFourOf(AppFixture app, Household household) =>
        app.Factory.Services.GetRequiredService<SensitiveData>().Unseal(household.IdNumberCipher)[^4..];

    public static Task<long> UnbalancedEntriesAsync(AppFixture app) => app.QueryAsync(db => db.Database
        .SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM (SELECT entry_id FROM postings GROUP BY entry_id HAVING sum(amount_fen) <> 0) x").SingleAsync());

    /// <summary>A household's balance straight from its postings.</summary>
    public static Task<long> BalanceAsync(AppFixture app, Guid householdId) => app.QueryAsync(db => db.Database
        .SqlQuery<long>($"SELECT coalesce(-sum(amount_fen), 0)::bigint AS \"Value\" FROM postings WHERE account = {"household:" + householdId.ToString("D")}").SingleAsync());
}
