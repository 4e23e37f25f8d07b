namespace Ivr.Flows.Services;

/// <summary>A call to a named endpoint with a JSON object of fields, within <see cref="Timeout"/>.</summary>
public sealed record HttpCallRequest(string Endpoint, IReadOnlyDictionary<string, string?> Fields, TimeSpan Timeout);
