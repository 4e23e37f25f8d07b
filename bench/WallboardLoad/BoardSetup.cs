using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace WallboardLoad;

/// <summary>Signs in through the hub's own API; creates the read-only wallboard account once (a second run reuses it).</summary>
internal sealed class BoardSetup(HttpClient client, WallboardLoadOptions options)
{
    public const string UserName = "load-wallboard";
    private const string Password = "load-wallboard-password-1";

    public async Task<string> WallboardTokenAsync(CancellationToken cancellationToken)
    {
        var adminToken = await TokenAsync("admin", options.AdminPassword, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url + "/api/users")
        {
            Content = JsonContent.Create(new { userName = UserName, displayName = "Load wallboard", role = "wallboard", password = Password }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict))
        {
            throw new InvalidOperationException($"creating {UserName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return await TokenAsync(UserName, Password, cancellationToken);
    }

    private async Task<string> TokenAsync(string userName, string password, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync(options.Url + "/api/auth/token", new { userName, password }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sign-in of {userName} refused: {(int)response.StatusCode}");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("accessToken").GetString()
            ?? throw new InvalidOperationException("the token response has no accessToken");
    }
}
