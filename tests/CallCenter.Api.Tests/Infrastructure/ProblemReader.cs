using System.Net.Http.Json;
using System.Text.Json;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>Reads the parts of a ProblemDetails answer tests check: the detail and the named fields.</summary>
public static class ProblemReader
{
    public static async Task<IReadOnlyList<string>> FieldsAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var json = await response.Content.ReadFromJsonAsync<JsonDocument>();
        return json!.RootElement.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Select(p => p.Name).ToList()
            : [];
    }

    public static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var json = await response.Content.ReadFromJsonAsync<JsonDocument>();
        return json!.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
    }
}
