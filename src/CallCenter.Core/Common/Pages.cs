namespace CallCenter.Core.Common;

public static class Pages
{
    /// <summary>
    /// Builds a page from a query that fetched one row more than the page size (<c>Take = PageSize + 1</c>):
    /// the extra row only says whether there is a next page, without a COUNT over the whole table.
    /// </summary>
    public static Page<T> FromOverfetch<T>(IReadOnlyList<T> rows, PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var hasMore = rows.Count > request.PageSize;
        var items = hasMore ? rows.Take(request.PageSize).ToList() : rows;
        return new Page<T>(items, request.Page, request.PageSize, hasMore);
    }
}
