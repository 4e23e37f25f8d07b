using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace CallCenter.Api.Infrastructure;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON, a wrong type in a field, a bad query value)
/// into a 400 ValidationProblem that names the field, instead of an empty 400 or a 500.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var (field, reason) = Describe(badRequest);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var details = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = badRequest.StatusCode,
            Title = "The request could not be read.",
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    private static (string Field, string Reason) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var path = json.Path is { Length: > 0 } p ? p.TrimStart('$').TrimStart('.') : "body";
            return (path.Length == 0 ? "body" : path, "is not valid JSON for this field");
        }

        var match = ParameterName().Match(exception.Message);
        return match.Success
            ? (match.Groups["name"].Value, "has a value of the wrong type or format")
            : ("request", exception.Message);
    }

    // The framework's messages look like: Failed to bind parameter "int page" from "abc".
    [GeneratedRegex("parameter \"(?:[^\" ]+ )?(?<name>[^\" ]+)\"")]
    private static partial Regex ParameterName();
}
