using System.Threading.Channels;

namespace AidMarket.Web.Imports;

public sealed record ImportContext(Guid JobId, CurrentUser Who, Guid OrganizationId, string? CountyCode, Guid? SupplierId, string FileName);

public sealed record ImportWork(Guid JobId, ImportKind Kind, IReadOnlyList<Dictionary<string, string>> Rows, CurrentUser Who, Guid OrganizationId,
    string? CountyCode, Guid? SupplierId, string FileName);

public interface IImporter
{
    ImportKind Kind { get; }
    IReadOnlyList<ImportColumn> Columns { get; }
    IReadOnlyDictionary<string, string> Example { get; }
    Task RunAsync(IServiceProvider services, ImportWork work, CancellationToken ct);
}

/// <summary>
/// Validates every row first (cell errors by row and column, then checks across rows and against the database) and
/// saves nothing unless all rows are good; then saves them in one transaction, reporting progress as it goes.
/// </summary>
public abstract class Importer<TItem> : IImporter where TItem : class
{
    private const int ChunkSize = 1000;

    public abstract ImportKind Kind { get; }
    public abstract IReadOnlyList<ImportColumn> Columns { get; }
    public abstract IReadOnlyDictionary<string, string> Example { get; }

    /// <summary>The item a row describes, or null after adding its errors to the row.</summary>
    protected abstract TItem? Parse(ImportRow row, ImportContext context);

    /// <summary>Checks across rows and against stored data (duplicates, references).</summary>
    protected virtual Task CheckAsync(AidMarketDbContext db, IReadOnlyList<(ImportRow Row, TItem Item)> items, ImportContext context, CancellationToken ct) =>
        Task.CompletedTask;

    protected abstract void Add(AidMarketDbContext db, TItem item, ImportContext context, DateTimeOffset now);

    public async Task RunAsync(IServiceProvider services, ImportWork work, CancellationToken ct)
    {
        var progress = new ImportProgress(services, work.JobId);
        var context = new ImportContext(work.JobId, work.Who, work.OrganizationId, work.CountyCode, work.SupplierId, work.FileName);
        await progress.ReportAsync(ImportStatus.Validating, 0, ct);

        var errors = new List<ImportError>();
        var items = new List<(ImportRow, TItem)>();
        var headers = work.Rows.SelectMany(r => r.Keys).ToHashSet();
        foreach (var missing in Columns.Where(c => c.Required && !headers.Contains(c.Header) && !headers.Contains(c.EnglishHeader)))
            errors.Add(new ImportError(1, missing.Header, "Import.MissingColumn", []));
        if (errors.Count == 0)
        {
            for (int i = 0; i < work.Rows.Count; i++)
            {
                var before = errors.Count;
                var row = new ImportRow(i + 2, work.Rows[i], Columns, errors); // row 1 is the header
                var item = Parse(row, context);
                if (item is not null && errors.Count == before) items.Add((row, item));
                if (i % 500 == 499) await progress.ReportAsync(ImportStatus.Validating, i + 1, ct);
            }
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
            await CheckAsync(db, items, context, ct);
        }
        if (errors.Count > 0)
        {
            await progress.FinishAsync(job => job.Fail(errors.OrderBy(e => e.Row).ToList(), DateTimeOffset.UtcNow), ct);
            return;
        }

        await progress.ReportAsync(ImportStatus.Importing, 0, ct);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = DateTimeOffset.UtcNow;
            for (int i = 0; i < items.Count; i += ChunkSize)
            {
                foreach (var (_, item) in items.Skip(i).Take(ChunkSize)) Add(db, item, context, now);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                await progress.ReportAsync(ImportStatus.Importing, Math.Min(i + ChunkSize, items.Count), ct);
            }
            await tx.CommitAsync(ct);
            await progress.FinishAsync(job => job.Succeed(items.Count, DateTimeOffset.UtcNow), ct);
        }
        catch (DbUpdateException ex)
        {
            var key = ex.IsUniqueViolation() ? "Import.ChangedMeanwhile" : "Import.SaveFailed";
            await progress.FinishAsync(job => job.Fail([new ImportError(0, "", key, [])], DateTimeOffset.UtcNow), CancellationToken.None);
        }
    }
}

/// <summary>Writes a job's progress through its own connection, outside the import's transaction, so any instance can show it.</summary>
public sealed class ImportProgress(IServiceProvider services, Guid jobId)
{
    public async Task ReportAsync(ImportStatus status, int processed, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        await db.ImportJobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, status).SetProperty(j => j.Processed, processed), ct);
    }

    public async Task FinishAsync(Action<ImportJob> finish, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AidMarketDbContext>();
        var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, ct);
        finish(job);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Uploaded sheets waiting for the worker of the instance that received them.</summary>
public sealed class ImportQueue
{
    private readonly Channel<ImportWork> _channel = Channel.CreateUnbounded<ImportWork>();

    public ValueTask EnqueueAsync(ImportWork work, CancellationToken ct) => _channel.Writer.WriteAsync(work, ct);

    public IAsyncEnumerable<ImportWork> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

public sealed class ImportWorker(ImportQueue queue, IServiceScopeFactory scopes, IEnumerable<IImporter> importers, ILogger<ImportWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.ReadAllAsync(stoppingToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var started = DateTimeOffset.UtcNow;
                await importers.Single(i => i.Kind == work.Kind).RunAsync(scope.ServiceProvider, work, stoppingToken);
                logger.LogInformation("Import {Job} of {Rows} {Kind} rows finished in {Seconds:0.0} s", work.JobId, work.Rows.Count, work.Kind,
                    (DateTimeOffset.UtcNow - started).TotalSeconds);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Import {Job} failed", work.JobId);
                await new ImportProgress(scope.ServiceProvider, work.JobId).FinishAsync(
                    job => job.Fail([new ImportError(0, "", "Import.SaveFailed", [])], DateTimeOffset.UtcNow), CancellationToken.None);
            }
        }
    }
}
