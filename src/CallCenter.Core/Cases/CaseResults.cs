namespace CallCenter.Core.Cases;

public static class CaseResults
{
    private static readonly IReadOnlyDictionary<string, List<string>> Empty = new Dictionary<string, List<string>>();

    public static CaseResult<T> Ok<T>(T value) => new(CaseOutcome.Ok, value, Empty);

    public static CaseResult<T> NotFound<T>() => new(CaseOutcome.NotFound, default, Empty);

    public static CaseResult<T> Conflict<T>(string reason) => new(CaseOutcome.Conflict, default, Empty, reason);

    public static CaseResult<T> Invalid<T>(string field, string reason) =>
        new(CaseOutcome.Invalid, default, new Dictionary<string, List<string>>(StringComparer.Ordinal) { [field] = [reason] });

    public static CaseResult<T> Invalid<T>(IReadOnlyDictionary<string, List<string>> errors) => new(CaseOutcome.Invalid, default, errors);
}
