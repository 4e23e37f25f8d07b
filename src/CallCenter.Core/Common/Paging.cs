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
