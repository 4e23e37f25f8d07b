using CallCenter.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Scheduling;

internal static class SchedulingValidation
{
    /// <summary>
    /// A required instant. A time without an offset is refused: whose clock it means would be a guess.
    /// Returns it in UTC, or null after adding the field error.
    /// </summary>
    public static DateTime? RequireInstant(DateTime? value, string field, FieldErrors errors)
    {
        switch (value)
        {
            case null:
                errors.Add(field, "is required");
                return null;
            case { Kind: DateTimeKind.Unspecified }:
                errors.Add(field, "must include a UTC offset or Z, e.g. 2026-12-01T09:00:00+08:00");
                return null;
            default:
                return value.Value.ToUniversalTime();
        }
    }

    /// <summary>Required text of at most <paramref name="max"/> characters, trimmed; null after adding the field error.</summary>
    public static string? RequireText(string? value, int max, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            errors.Add(field, $"is required, at most {max} characters");
            return null;
        }

        return value.Trim();
    }

    /// <summary>Optional text of at most <paramref name="max"/> characters; blank becomes null.</summary>
    public static string? OptionalText(string? value, int max, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Trim().Length > max)
        {
            errors.Add(field, $"must be at most {max} characters");
        }

        return value.Trim();
    }

    /// <summary>A 404 ProblemDetails; used where a patient out of scope must look like one that does not exist.</summary>
    public static ProblemHttpResult NotFound(string title) => TypedResults.Problem(title: title, statusCode: StatusCodes.Status404NotFound);
}
