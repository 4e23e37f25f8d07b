using System.Net;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Wallboard;

/// <summary>
/// Who may open the wallboard hub (supervisors, admins, wallboard accounts; not agents, not strangers), and how its
/// page and files are served: public, no data, everything from the hub itself, versioned files cached for good.
/// </summary>
public sealed class WallboardHubAccessTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Negotiate_ByRole_OnlyWallboardViewersAdmitted(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var answers = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal);
        foreach (var role in Roles.All)
        {
            using var client = (await hub.SignInAsAsync(role)).Client;
            answers[role] = (await client.PostAsync("/hubs/wallboard/negotiate?negotiateVersion=1", content: null)).StatusCode;
        }

        using var stranger = hub.CreateClient();
        var anonymous = (await stranger.PostAsync("/hubs/wallboard/negotiate?negotiateVersion=1", content: null)).StatusCode;

        Assert.Equal(HttpStatusCode.Forbidden, answers[Roles.Agent]);
        Assert.Equal(HttpStatusCode.OK, answers[Roles.Supervisor]);
        Assert.Equal(HttpStatusCode.OK, answers[Roles.Admin]);
        Assert.Equal(HttpStatusCode.OK, answers[Roles.Wallboard]);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Page_ServedWithSelfOnlyPolicyAndVersionedFiles(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        using var client = hub.CreateClient();

        var page = await client.GetAsync("/wallboard?tv=1");
        var html = await page.Content.ReadAsStringAsync();
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.True(page.Headers.CacheControl?.NoCache, "the page is revalidated");
        Assert.DoesNotContain("://", html, StringComparison.Ordinal); // nothing from elsewhere (no CDN)

        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(?<url>/wallboard/assets/signalr\\.min\\.js\\?v=[0-9a-f]{16})\"").Groups["url"].Value;
        Assert.NotEmpty(script);
        var bundled = await client.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, bundled.StatusCode);
        Assert.Equal("text/javascript", bundled.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", bundled.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("HubConnectionBuilder", await bundled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, script);
        again.Headers.IfNoneMatch.Add(bundled.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/wallboard/assets/nothing.js")).StatusCode);
    }
}
