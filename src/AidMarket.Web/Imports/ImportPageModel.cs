using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidMarket.Web.Imports;

/// <summary>Upload, template download and progress of one kind of import, for the signed-in user's organization.</summary>
[RequestSizeLimit(ImportFile.MaxBytes + 1024 * 1024)]
public abstract class ImportPageModel(AidMarketDbContext db, CurrentUser me, ImportQueue queue, IEnumerable<IImporter> importers,
    IStringLocalizer<SharedResource> l) : PageModel
{
    protected abstract ImportKind Kind { get; }
    protected abstract string TemplateName { get; }
    /// <summary>Whether the user may import now, and the supplier id for product imports.</summary>
    protected abstract Task<(bool Allowed, Guid? SupplierId)> AllowedAsync(CancellationToken ct);

    protected AidMarketDbContext Db => db;
    protected CurrentUser Me => me;

    [BindProperty(SupportsGet = true)] public Guid? Job { get; set; }
    public ImportJob? Current { get; private set; }
    public IImporter Importer => importers.Single(i => i.Kind == Kind);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await AllowedAsync(ct)).Allowed) return NotFound();
        if (Job is { } id)
        {
            Current = await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.OrganizationId == me.OrganizationId && j.Kind == Kind, ct);
            if (Current is null) return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnGetTemplateAsync(string format, CancellationToken ct)
    {
        if (!(await AllowedAsync(ct)).Allowed) return NotFound();
        var csv = format == "csv";
        var bytes = ImportFile.Template(Importer.Columns, Importer.Example, csv ? "csv" : "xlsx");
        return File(bytes, csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            TemplateName + (csv ? ".csv" : ".xlsx"));
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var (allowed, supplierId) = await AllowedAsync(ct);
        if (!allowed) return NotFound();
        if (file is null)
        {
            ModelState.AddModelError("file", l["Choose a .xlsx or .csv file."]);
            return Page();
        }
        try
        {
            await using var stream = file.OpenReadStream();
            var rows = await ImportFile.ReadAsync(stream, file.FileName, file.Length, ct);
            var job = new ImportJob(Kind, me.OrganizationId!.Value, me.CountyCode, me.UserId!, Path.GetFileName(file.FileName), rows.Count);
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync(ct);
            await queue.EnqueueAsync(new ImportWork(job.Id, Kind, rows, me, job.OrganizationId, me.CountyCode, supplierId, job.FileName), ct);
            return RedirectToPage(new { job = job.Id });
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("file", l.Error(ex));
            return Page();
        }
    }
}

public static class ImportStatusEndpoint
{
    /// <summary>GET /imports/{id}: progress for the page's bar; another organization's job is 404.</summary>
    public static void MapImportStatus(this IEndpointRouteBuilder app) =>
        app.MapGet("/imports/{id:guid}", async (Guid id, AidMarketDbContext db, CurrentUser me, CancellationToken ct) =>
            await db.ImportJobs.AsNoTracking().Where(j => j.Id == id && j.OrganizationId == me.OrganizationId)
                    .Select(j => new { status = j.Status.ToString(), j.Total, j.Processed, j.Imported, j.ErrorCount, finished = j.FinishedAt != null })
                    .SingleOrDefaultAsync(ct) is { } job
                ? Results.Json(job)
                : Results.NotFound()).RequireAuthorization();
}
