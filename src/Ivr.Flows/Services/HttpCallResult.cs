namespace Ivr.Flows.Services;

/// <summary>The answer: success, HTTP status, and the top-level fields of a JSON object answer as text.</summary>
public sealed record HttpCallResult(bool Succeeded, int? StatusCode, IReadOnlyDictionary<string, string?> Fields, string? Error = null);
