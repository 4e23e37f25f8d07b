using System.Net;
using CallCenter.Api.Home;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Home;

public sealed class HomeEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task FrontDoor_WithoutSignIn_IsAPageWhileTheApiStillNeedsOne()
    {
        var client = (await fixture.GetAsync(TestEngines.Sqlite)).CreateClient();

        var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        var api = await client.GetAsync(new Uri("/api/patients", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("/simulator/phone", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Theory]
    [InlineData("/docs/nothing.md")]
    [InlineData("/docs/..%2Fappsettings.json")]
    [InlineData("/docs/..%2F..%2FCallCenter.Api.dll")]
    public async Task Doc_NotAPage_Returns404(string path)
    {
        var client = (await fixture.GetAsync(TestEngines.Sqlite)).CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void FrontPage_WithoutTheSimulator_OffersNoTestPhone()
    {
        var html = FrontPage.Render(simulatorOn: false, ["README.md"]);

        Assert.DoesNotContain("/simulator/phone", html, StringComparison.Ordinal);
        Assert.Contains("simulator is off", html, StringComparison.Ordinal);
    }

    [Fact]
    public void DocsPages_LinksBetweenDocsBecomePages_OtherRepositoryFilesBecomeText()
    {
        var folder = Directory.CreateTempSubdirectory("callcenter-docs-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "README.md"), "# Hub\n[desk](docs/desk.md#offers) [dev](DEVELOPERS.md) [console](src/Agent.Console/README.md) <script>alert(1)</script>");
            File.WriteAllText(Path.Combine(folder, "desk.md"), "# Desk\n[home](../README.md) [ivr](ivr.md) [web](https://example.org/x.md)");

            var pages = DocsPages.Load(folder);

            var readme = pages.Find("README.md")!;
            Assert.Contains("href=\"/docs/desk.md#offers\"", readme, StringComparison.Ordinal);
            Assert.Contains("<code>DEVELOPERS.md</code>", readme, StringComparison.Ordinal);
            Assert.Contains("<code>src/Agent.Console/README.md</code>", readme, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", readme, StringComparison.Ordinal);
            var desk = pages.Find("desk.md")!;
            Assert.Contains("href=\"/docs/README.md\"", desk, StringComparison.Ordinal);
            Assert.Contains("<code>docs/ivr.md</code>", desk, StringComparison.Ordinal);
            Assert.Contains("href=\"https://example.org/x.md\"", desk, StringComparison.Ordinal);
            Assert.Equal(["README.md", "desk.md"], pages.Names);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
