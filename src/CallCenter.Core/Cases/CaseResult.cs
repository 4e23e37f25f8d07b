namespace CallCenter.Core.Cases;

/// <summary>What a case operation did: the value, or why not (field errors for <see cref="CaseOutcome.Invalid"/>). Made by <see cref="CaseResults"/>.</summary>
public sealed record CaseResult<T>(CaseOutcome Outcome, T? Value, IReadOnlyDictionary<string, List<string>> Errors, string? Reason = null);
