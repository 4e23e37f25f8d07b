using System.Net;
using System.Text;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Authorization;

/// <summary>
/// Sends malformed and wrongly typed input to every /api route as an admin (allowed everywhere): the hub must
/// answer a client error, never a 500. The hub runs its job scheduler, so the jobs routes answer for real.
/// </summary>
public sealed class BadInputTests(ApiWithJobsFixture fixture) : IClassFixture<ApiWithJobsFixture>
{
    private static readonly string[] Bodies =
    [
        "{",
        "[]",
        "\"text\"",
        "null",
        "{}",
        """{"id": 12, "name": [], "page": "x", "patientId": "not-a-guid", "startsAt": "yesterday", "capacity": 99999999999999}""",
        """{"userName": "", "password": "", "role": "root", "phones": [{"number": "abc"}], "channel": "fax"}""",
    ];

    private static readonly string[] Queries = ["?page=0", "?page=abc&pageSize=-1", "?pageSize=100000", "?page=2147483647&pageSize=200", "?from=nonsense", "?patientId=123"];

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task EveryApiRoute_WithGarbageInput_NeverAnswers500(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var failures = new List<string>();

        foreach (var route in ApiRoute.All(hub.Services))
        {
            foreach (var request in GarbageRequests(route))
            {
                var response = await admin.Client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task MalformedJson_Returns400NamingTheField()
    {
        var hub = await fixture.GetAsync(TestEngines.Sqlite);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.PostAsync("/api/users",
            new StringContent("""{"userName": "x", "password": 12}""", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"password\"", body, StringComparison.Ordinal);
    }

    private static IEnumerable<HttpRequestMessage> GarbageRequests(ApiRoute route)
    {
        var path = route.PathWith(Guid.NewGuid());
        foreach (var query in Queries)
        {
            yield return new HttpRequestMessage(new HttpMethod(route.Method), path + query);
        }

        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            foreach (var body in Bodies)
            {
                yield return new HttpRequestMessage(new HttpMethod(route.Method), path)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
            }

            yield return new HttpRequestMessage(new HttpMethod(route.Method), path)
            {
                Content = new StringContent("userName=x", Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
        }
    }
}
