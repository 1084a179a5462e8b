using AidMarket.Domain.Catalog;

namespace AidMarket.Web.Data;

public static class CertificateNumbers
{
    /// <summary>The next number for the county and year; two officers certifying at once get different ones.</summary>
    public static async Task<string> NextAsync(AidMarketDbContext db, string countyCode, int year, CancellationToken ct = default)
    {
        var value = await db.Database.SqlQuery<int>($"""
            INSERT INTO certificate_sequences (county_code, year, last_value) VALUES ({countyCode}, {year}, 1)
            ON CONFLICT (county_code, year) DO UPDATE SET last_value = certificate_sequences.last_value + 1
            RETURNING last_value AS "Value"
            """).ToListAsync(ct);
        return CertificateNumber.Format(countyCode, year, value.Single());
    }
}
