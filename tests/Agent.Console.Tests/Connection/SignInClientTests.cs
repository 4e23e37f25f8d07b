using System.Net;
using System.Text;
using AgentConsole.Connection;

namespace Agent.Console.Tests.Connection;

public sealed class SignInClientTests
{
    private static readonly Uri Hub = new("http://hub.test:5080");

    [Fact]
    public async Task SignInAsync_TokenIssued_ReturnsIt()
    {
        var outcome = await SignInAsync(_ => Json(HttpStatusCode.OK, """{"tokenType":"Bearer","accessToken":"tok-1","expiresIn":3600}"""));

        Assert.True(outcome.Succeeded);
        Assert.Equal("tok-1", outcome.AccessToken);
    }

    [Fact]
    public async Task SignInAsync_Refused_ShowsTheHubsReason()
    {
        var outcome = await SignInAsync(_ => Json(HttpStatusCode.Unauthorized, """{"title":"Sign-in refused","detail":"The account is disabled."}"""));

        Assert.False(outcome.Succeeded);
        Assert.Equal("Sign-in refused: The account is disabled.", outcome.Refused);
        Assert.Null(outcome.Unreachable);
    }

    [Fact]
    public async Task SignInAsync_RefusedWithoutBody_SaysUserOrPasswordIsWrong()
    {
        var outcome = await SignInAsync(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));

        Assert.Equal("Sign-in refused: the user name or password is wrong.", outcome.Refused);
    }

    [Fact]
    public async Task SignInAsync_NoAnswer_SaysTheHubIsUnreachableAtItsUrl()
    {
        var outcome = await SignInAsync(_ => throw new HttpRequestException("Connection refused"));

        Assert.Null(outcome.Refused);
        Assert.Contains("unreachable at http://hub.test:5080/", outcome.Unreachable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInAsync_Posts_TheUserNameAndPasswordToTheTokenEndpoint()
    {
        HttpRequestMessage? sent = null;
        string? body = null;
        await SignInAsync(request =>
        {
            sent = request;
            body = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
            return Json(HttpStatusCode.OK, """{"accessToken":"t"}""");
        });

        Assert.Equal(new Uri("http://hub.test:5080/api/auth/token"), sent!.RequestUri);
        Assert.Equal("""{"userName":"agent.li","password":"pw"}""", body);
    }

    private static async Task<SignInOutcome> SignInAsync(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        using var http = new HttpClient(new StubHandler(answer));
        return await new SignInClient(http).SignInAsync(Hub, "agent.li", "pw", CancellationToken.None);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
