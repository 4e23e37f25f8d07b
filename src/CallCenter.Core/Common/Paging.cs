namespace CallCenter.Core.Common;

/// <summary>A page of a list: 1-based page number and a size capped at <see cref="MaxPageSize"/>.</summary>
public readonly record struct PageRequest(int Page = 1, int PageSize = PageRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    // Without this, `new PageRequest()` is the all-zero struct (page 0, size 0) and fails Validate.
    public PageRequest()
        : this(1, DefaultPageSize)
    {
    }

    public int Skip => (Page - 1) * PageSize;

    public int Take => PageSize;

    /// <summary>Null when valid, else the field and the reason.</summary>
    public (string Field, string Reason)? Validate() => this switch
    {
        { Page: < 1 } => ("page", "must be 1 or more"),
        { PageSize: < 1 or > MaxPageSize } => ("pageSize", $"must be between 1 and {MaxPageSize}"),
        // Past this, Skip overflows an int and the database refuses a negative offset.
        _ when (long)Page * PageSize > int.MaxValue => ("page", "is too large"),
        _ => null,
    };
}

/// <summary>One page of results. <see cref="HasMore"/> says whether a next page exists.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, bool HasMore);

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
