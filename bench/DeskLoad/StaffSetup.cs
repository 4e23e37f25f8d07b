using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DeskLoad;

/// <summary>Signs in through the hub's own API and creates the load agents once (a second run reuses them).</summary>
internal sealed class StaffSetup(HttpClient client, DeskLoadOptions options)
{
    public static string AgentName(int index) => $"load-agent-{index:D3}";

    public async Task<string> TokenAsync(string userName, string password, CancellationToken cancellationToken)
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

    /// <summary>Creates the agents that do not exist yet; progress on the console, as there may be hundreds.</summary>
    public async Task EnsureAgentsAsync(int count, CancellationToken cancellationToken)
    {
        var adminToken = await TokenAsync("admin", options.AdminPassword, cancellationToken);
        var created = 0;
        for (var i = 1; i <= count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, options.Url + "/api/users")
            {
                Content = JsonContent.Create(new { userName = AgentName(i), displayName = "Load agent " + i, role = "agent", password = options.AgentPassword }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                created++;
            }
            else if (response.StatusCode != HttpStatusCode.Conflict)
            {
                throw new InvalidOperationException($"creating {AgentName(i)} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            if (i % 50 == 0 || i == count)
            {
                Console.WriteLine($"agents ready: {i}/{count} ({created} created now)");
            }
        }
    }
}
