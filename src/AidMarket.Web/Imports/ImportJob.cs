using System.Text.Json;

namespace AidMarket.Web.Imports;

public enum ImportKind { Households, Products }

public enum ImportStatus { Queued, Validating, Importing, Succeeded, Failed }

/// <summary>A cell-level problem: row number as the user sees it in their sheet (header = row 1), column header, message key and arguments.</summary>
public sealed record ImportError(int Row, string Column, string Key, string[] Arguments);

/// <summary>One uploaded file's journey: validated as a whole, then saved all-or-nothing; progress is readable from any instance.</summary>
public class ImportJob
{
    private ImportJob() { FileName = UserId = ""; }

    public ImportJob(ImportKind kind, Guid organizationId, string? countyCode, string userId, string fileName, int total)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        OrganizationId = organizationId;
        CountyCode = countyCode;
        UserId = userId;
        FileName = fileName;
        Total = total;
        Status = ImportStatus.Queued;
        CreatedAt = DateTimeOffset.UtcNow;
    }

    public Guid Id { get; private set; }
    public ImportKind Kind { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string? CountyCode { get; private set; }
    public string UserId { get; private set; }
    public string FileName { get; private set; }
    public ImportStatus Status { get; private set; }
    public int Total { get; private set; }
    public int Processed { get; private set; }
    public int Imported { get; private set; }
    public int ErrorCount { get; private set; }
    /// <summary>The first errors (at most <see cref="MaxStoredErrors"/>), as JSON.</summary>
    public string? Errors { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    public const int MaxStoredErrors = 500;

    public IReadOnlyList<ImportError> ErrorList => Errors is null ? [] : JsonSerializer.Deserialize<List<ImportError>>(Errors)!;

    public bool IsFinished => Status is ImportStatus.Succeeded or ImportStatus.Failed;

    public TimeSpan? Duration => FinishedAt - CreatedAt;

    public void Fail(IReadOnlyList<ImportError> errors, DateTimeOffset now)
    {
        Status = ImportStatus.Failed;
        ErrorCount = errors.Count;
        Errors = JsonSerializer.Serialize(errors.Take(MaxStoredErrors).ToList());
        Imported = 0;
        FinishedAt = now;
    }

    public void Succeed(int imported, DateTimeOffset now)
    {
        Status = ImportStatus.Succeeded;
        Imported = imported;
        Processed = Total;
        FinishedAt = now;
    }
}
