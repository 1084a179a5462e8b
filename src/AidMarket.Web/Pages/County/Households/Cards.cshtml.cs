using AidMarket.Web.Hosting;
using QRCoder;

namespace AidMarket.Web.Pages.CountyDesk.Households;

/// <summary>
/// 明白卡 to print: for one household or every household of a village, the masked name, the card code and a QR code of the
/// statement page with the card code filled in. The second factor is never on the card: the household knows it.
/// </summary>
public class CardsModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l, PublicUrls urls)
    : CountyPageModel(db, me, l)
{
    public sealed record Card(string MaskedName, string Village, string CardCode, string Url, string QrDataUri);

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    public string CountyName { get; private set; } = "";
    public IReadOnlyList<Card> Cards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null && string.IsNullOrWhiteSpace(Village)) return NotFound();
        var query = Db.Households.AsNoTracking().Where(h => h.CountyCode == County);
        query = Id is { } id ? query.Where(h => h.Id == id) : query.Where(h => h.Village == Village!.Trim());
        var households = await query.OrderBy(h => h.HeadName).ThenBy(h => h.Id)
            .Select(h => new { h.HeadName, h.Village, h.CardCode }).ToListAsync(ct);
        if (households.Count == 0) return NotFound();
        CountyName = await Db.Counties.Where(c => c.Code == County).Select(c => c.Name).SingleAsync(ct);
        Cards = households.Select(h =>
        {
            var url = StatementUrl(h.CardCode);
            return new Card(Domain.Producers.Household.MaskName(h.HeadName), h.Village, h.CardCode, url, QrDataUri(url));
        }).ToList();
        return Page();
    }

    private string StatementUrl(string cardCode) => urls.To($"/Statement?card={Uri.EscapeDataString(cardCode)}");

    private static string QrDataUri(string url)
    {
        using var qr = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(qr).GetGraphic(4);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
