namespace AidMarket.Web.Data;

/// <summary>Paged lists: a page number from the address is clamped, so no page number makes the row offset overflow.</summary>
public static class Paging
{
    /// <summary>The page number between 1 and the last page whose offset an int holds (past the data it is simply empty).</summary>
    public static int Clamp(int page, int pageSize) => Math.Clamp(page, 1, int.MaxValue / pageSize);

    /// <summary>The rows of page <paramref name="page"/> (already clamped with <see cref="Clamp"/>).</summary>
    public static IQueryable<T> Page<T>(this IQueryable<T> query, int page, int pageSize) =>
        query.Skip((Clamp(page, pageSize) - 1) * pageSize).Take(pageSize);
}
