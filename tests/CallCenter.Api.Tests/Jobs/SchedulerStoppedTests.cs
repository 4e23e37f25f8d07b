using System.Net;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Jobs;

/// <summary>A hub started without its scheduler (Jobs:StartScheduler=false, as most test hubs are) says so.</summary>
public sealed class SchedulerStoppedTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("GET", "/api/jobs")]
    [InlineData("POST", "/api/jobs/housekeeping/job-run-purge/run")]
    [InlineData("POST", "/api/jobs/housekeeping/job-run-purge/pause")]
    public async Task JobsApi_WithoutAScheduler_Answers503ProblemDetails(string method, string path)
    {
        var admin = await (await fixture.GetAsync(TestEngines.Sqlite)).SignInAsAsync(Roles.Admin);

        var response = await admin.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Jobs:StartScheduler", await ProblemReader.DetailAsync(response), StringComparison.Ordinal);
    }
}
