using System.ComponentModel.DataAnnotations;
using AidMarket.Domain.Procurement;
using AidMarket.Web.Messaging.Contracts;
using AidMarket.Web.Procurement;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Pages.Buyer;

/// <summary>The purchaser's cart across suppliers, and submitting it as one purchase order.</summary>
public class CartModel(AidMarketDbContext db, CurrentUser me, IStringLocalizer<SharedResource> l) : PageModel
{
    public class SubmitInput
    {
        [StringLength(60, ErrorMessage = "{0} is too long."), Display(Name = "Your PO number")] public string? BuyerPoNumber { get; set; }
        [StringLength(60, ErrorMessage = "{0} is too long."), Display(Name = "Cost center")] public string? CostCenter { get; set; }
        [Required(ErrorMessage = "Please enter {0}."), StringLength(300, ErrorMessage = "{0} is too long."), Display(Name = "Delivery address")]
        public string Address { get; set; } = "";
        [Display(Name = "Requested delivery date")] public DateOnly RequestedOn { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        [StringLength(2000, ErrorMessage = "{0} is too long."), Display(Name = "Notes")] public string? Notes { get; set; }
    }

    [BindProperty] public SubmitInput Input { get; set; } = new();
    // Named explicitly: with no quantities posted, MVC would otherwise read every form key as a Guid.
    [BindProperty(Name = "Quantities")] public Dictionary<Guid, int> Quantities { get; set; } = [];
    public CartView Cart { get; private set; } = null!;
    /// <summary>Problems found in an uploaded order sheet; nothing was added to the cart.</summary>
    public IReadOnlyList<Imports.ImportError> SheetErrors { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Cart = await CartView.LoadAsync(db, me.UserId!, Today, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => me.IsPurchaser ? await ShowAsync(ct) : Forbid();

    public async Task<IActionResult> OnPostAddAsync(Guid productId, int quantity, CancellationToken ct)
    {
        if (!me.IsPurchaser) return Forbid();
        if (!await Catalog.StorefrontQuery.OnSale(db, Today).AnyAsync(r => r.Product.Id == productId, ct)) return NotFound();
        var line = await db.CartLines.SingleOrDefaultAsync(c => c.UserId == me.UserId && c.ProductId == productId, ct);
        // Saturates rather than wrapping round to a negative quantity; placing the order then refuses what stock cannot cover.
        var wanted = (int)Math.Min(int.MaxValue, (long)Math.Max(1, quantity) + (line?.Quantity ?? 0));
        if (line is null) db.CartLines.Add(new CartLine(me.UserId!, productId, wanted));
        else line.SetQuantity(wanted);
        await db.SaveChangesAsync(ct);
        StatusMessage = l["Added to the cart."];
        return RedirectToPage();
    }

    public IActionResult OnGetSheetTemplate(string format)
    {
        if (!me.IsPurchaser) return Forbid();
        var csv = format == "csv";
        return File(Imports.ImportFile.Template(OrderSheet.Columns, OrderSheet.Example, csv ? "csv" : "xlsx"),
            csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "order-sheet" + (csv ? ".csv" : ".xlsx"));
    }

    /// <summary>Fills the cart from an order sheet: all rows or none.</summary>
    public async Task<IActionResult> OnPostSheetAsync(IFormFile? sheet, CancellationToken ct)
    {
        if (!me.IsPurchaser) return Forbid();
        if (sheet is null)
        {
            ModelState.AddModelError("sheet", l["Choose a .xlsx or .csv file."]);
            return await ShowAsync(ct);
        }
        try
        {
            await using var stream = sheet.OpenReadStream();
            var rows = await Imports.ImportFile.ReadAsync(stream, sheet.FileName, sheet.Length, ct);
            var (lines, errors) = await OrderSheet.CheckAsync(db, rows, Today, ct);
            if (errors.Count > 0)
            {
                SheetErrors = errors;
                return await ShowAsync(ct);
            }
            var existing = await db.CartLines.Where(c => c.UserId == me.UserId).ToDictionaryAsync(c => c.ProductId, ct);
            foreach (var (productId, quantity) in lines)
            {
                if (existing.TryGetValue(productId, out var line)) line.SetQuantity(line.Quantity + quantity);
                else db.CartLines.Add(new CartLine(me.UserId!, productId, quantity));
            }
            await db.SaveChangesAsync(ct);
            StatusMessage = l["{0} lines of the order sheet were added to the cart.", lines.Count];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("sheet", l.Error(ex));
            return await ShowAsync(ct);
        }
    }

    public class AgreementInput
    {
        public AgreementFrequency Frequency { get; set; } = AgreementFrequency.Weekly;
        public int Day { get; set; } = 1;
        public DateOnly StartsOn { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        public DateOnly EndsOn { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6);
        public string? Address { get; set; }
    }

    [BindProperty] public AgreementInput Agreement { get; set; } = new();

    /// <summary>Turns the cart into one standing agreement per supplier, each waiting for its supplier to accept.</summary>
    public async Task<IActionResult> OnPostAgreementAsync(CancellationToken ct)
    {
        if (!me.IsPurchaser) return Forbid();
        await ShowAsync(ct);
        if (!Cart.CanSubmit)
        {
            ModelState.AddModelError(string.Empty, l["Correct the lines marked in the cart first."]);
            return Page();
        }
        if (await Decisions.TryAsync(db, l, () =>
            {
                foreach (var group in Cart.Lines.GroupBy(x => x.SupplierId))
                {
                    var agreement = new StandingAgreement(me.OrganizationId!.Value, group.Key, me.UserId!,
                        group.Select(x => new AgreementItem(x.Product!.Id, x.Product.NameZh, x.Product.Unit, x.Quantity)).ToList(),
                        Agreement.Frequency, Agreement.Day, Agreement.StartsOn, Agreement.EndsOn, Agreement.Address ?? "", Today);
                    db.StandingAgreements.Add(agreement);
                    db.Publish(new StandingAgreementChanged(agreement.Id, agreement.BuyerOrganizationId, agreement.SupplierId, "Proposed"));
                }
                return Task.CompletedTask;
            }, ct) is { } error)
        {
            ModelState.AddModelError(string.Empty, error);
            return Page();
        }
        StatusMessage = l["The standing agreements were sent to the suppliers to accept."];
        return RedirectToPage("Agreements");
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken ct)
    {
        if (!me.IsPurchaser) return Forbid();
        var lines = await db.CartLines.Where(c => c.UserId == me.UserId).ToListAsync(ct);
        foreach (var line in lines)
            if (Quantities.TryGetValue(line.Id, out var q))
            {
                if (q <= 0) db.CartLines.Remove(line);
                else line.SetQuantity(q);
            }
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid lineId, CancellationToken ct)
    {
        if (!me.IsPurchaser) return Forbid();
        await db.CartLines.Where(c => c.Id == lineId && c.UserId == me.UserId).ExecuteDeleteAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSubmitAsync([FromServices] OrderPlacement placement, CancellationToken ct)
    {
        if (!me.IsPurchaser) return Forbid();
        await ShowAsync(ct);
        if (!Cart.CanSubmit) ModelState.AddModelError(string.Empty, l["Correct the lines marked in the cart first."]);
        if (!ModelState.IsValid) return Page();
        try
        {
            var (order, _) = await placement.SubmitAsync(new Submission(me.OrganizationId!.Value, me.UserId!,
                new DeliveryDetails(Input.BuyerPoNumber ?? "", Input.CostCenter ?? "", Input.Address, Input.RequestedOn, Input.Notes ?? ""),
                Cart.ToOrderLines()), DateTimeOffset.UtcNow, ct, EmptyCartAsync);
            StatusMessage = order.NeedsApproval ? l["The order was submitted and waits for an approver."] : l["The order was placed with the suppliers."];
            return RedirectToPage("Orders/Details", new { id = order.Id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l.Error(ex));
            await ShowAsync(ct);
            return Page();
        }

        // A double click submits twice: the second finds the cart already emptied and is refused whole.
        async Task EmptyCartAsync()
        {
            if (await db.CartLines.Where(c => c.UserId == me.UserId).ExecuteDeleteAsync(ct) != Cart.Lines.Count)
                throw new DomainException("Cart.AlreadySubmitted", "This cart has just been submitted.");
        }
    }
}
