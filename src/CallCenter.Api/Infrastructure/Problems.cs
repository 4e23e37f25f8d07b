using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Infrastructure;

/// <summary>ProblemDetails with the field and the reason, the shape every endpoint uses for bad input.</summary>
internal static class Problems
{
    public static ValidationProblem Field(string field, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });

    public static ValidationProblem Fields(IReadOnlyDictionary<string, List<string>> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()));

    public static ProblemHttpResult Conflict(string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);
}

/// <summary>Collects field errors while a request is checked; empty means valid.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
        {
            _errors[field] = reasons = [];
        }

        reasons.Add(reason);
    }

    public ValidationProblem ToProblem() => Problems.Fields(_errors);
}
