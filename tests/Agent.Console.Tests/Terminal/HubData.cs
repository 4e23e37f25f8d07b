using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Agent.Console.Tests.Terminal;

/// <summary>Data a terminal test needs, made through the hub's own API as an agent would.</summary>
internal static class HubData
{
    /// <summary>A patient with a phone number and a language; returns the patient's ID.</summary>
    public static async Task<Guid> AddPatientAsync(HttpClient hub, string userName, string password, string fullName, string phone)
    {
        var token = await hub.PostAsJsonAsync("/api/auth/token", new { userName, password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/patients")
        {
            Content = JsonContent.Create(new { fullName, preferredLanguage = "zh-CN", tags = new[] { "diabetes" }, phones = new[] { new { number = phone } } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await hub.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id;
    }

    private sealed record TokenResponse(string AccessToken);

    private sealed record IdOnly(Guid Id);
}
