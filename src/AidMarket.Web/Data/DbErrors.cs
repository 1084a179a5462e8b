namespace AidMarket.Web.Data;

public static class DbErrors
{
    /// <summary>A unique index refused the row: another request did the same thing first.</summary>
    public static bool IsUniqueViolation(this DbUpdateException ex) =>
        ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}
