using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AgentConsole.Connection;

/// <summary>What became of a sign-in: a token, a refusal with the hub's reason, or no answer from the hub.</summary>
internal sealed record SignInOutcome(string? AccessToken, string? Refused, string? Unreachable)
{
    public bool Succeeded => AccessToken is not null;
}

/// <summary>Signs in with <c>POST /api/auth/token</c>, as every API and hub client does.</summary>
internal sealed class SignInClient(HttpClient http)
{
    public async Task<SignInOutcome> SignInAsync(Uri hubUrl, string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hubUrl);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(new Uri(hubUrl, "/api/auth/token"), new { userName, password }, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return new SignInOutcome(null, null, $"The hub is unreachable at {hubUrl} ({ex.Message}).");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SignInOutcome(null, null, $"The hub at {hubUrl} did not answer in time.");
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
                return string.IsNullOrEmpty(token?.AccessToken)
                    ? new SignInOutcome(null, null, "The hub answered without a token.")
                    : new SignInOutcome(token.AccessToken, null, null);
            }

            var detail = await ReadDetailAsync(response, cancellationToken);
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden =>
                    new SignInOutcome(null, $"Sign-in refused: {detail ?? "the user name or password is wrong."}", null),
                HttpStatusCode.TooManyRequests => new SignInOutcome(null, "Sign-in refused: too many attempts; wait a minute.", null),
                _ => new SignInOutcome(null, null, $"The hub at {hubUrl} answered {(int)response.StatusCode} {response.ReasonPhrase}."),
            };
        }
    }

    private static async Task<string?> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemResponse>(cancellationToken);
            if (problem?.Errors is { Count: > 0 } errors)
            {
                return string.Join("; ", errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}"));
            }

            return problem?.Detail ?? problem?.Title;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record TokenResponse(string? AccessToken);

    private sealed record ProblemResponse(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
