namespace CallCenter.Core.Common;

/// <summary>One page of results. <see cref="HasMore"/> says whether a next page exists.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, bool HasMore);
