using System.Net;
using CallCenter.Api.Tests.Infrastructure;

namespace CallCenter.Api.Tests.Health;

public sealed class LiveHealthTests
{
    [Fact]
    public async Task Ready_OverRealHttp_AnswersHealthy()
    {
        await using var hub = await LiveHub.StartAsync();
        using var client = hub.CreateHttpClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
