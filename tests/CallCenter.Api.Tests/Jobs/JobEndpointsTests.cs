using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Jobs;

namespace CallCenter.Api.Tests.Jobs;

/// <summary>The jobs API on a hub whose scheduler runs, on SQLite and PostgreSQL.</summary>
public sealed class JobEndpointsTests(ApiWithJobsFixture fixture) : IClassFixture<ApiWithJobsFixture>
{
    private const string Housekeeping = "/api/jobs/housekeeping/job-run-purge";

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task List_AsAdmin_ShowsTheHousekeepingJobWithItsSchedule(string engine)
    {
        var admin = await SignInAdminAsync(engine);

        var jobs = await admin.GetFromJsonAsync<List<JobDto>>("/api/jobs");

        var job = Assert.Single(jobs!, j => j.Group == "housekeeping" && j.Name == "job-run-purge");
        Assert.Equal("cron 0 30 3 * * ? (UTC)", job.Schedule);
        Assert.Equal("RunOnceNow", job.MisfirePolicy);
        Assert.NotNull(job.NextFireTime);
        Assert.False(string.IsNullOrWhiteSpace(job.Description));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Run_FiresTheJobOnceAndTheListShowsItSucceeded(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await SignInAdminAsync(engine);
        var runs = hub.Services.GetRequiredService<IJobRunRepository>();
        var before = (await runs.RecentAsync("housekeeping", "job-run-purge", 100)).Count;

        var response = await admin.PostAsync(new Uri(Housekeeping + "/run", UriKind.Relative), null);
        var after = await Polling.UntilAsync(
            () => runs.RecentAsync("housekeeping", "job-run-purge", 100),
            rows => rows.Count == before + 1 && rows[0].Outcome != JobRunOutcomes.Running,
            "the run-now's run to finish");
        var job = (await admin.GetFromJsonAsync<List<JobDto>>("/api/jobs"))!.Single(j => j.Name == "job-run-purge");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(JobRunOutcomes.Succeeded, after[0].Outcome);
        Assert.True(after[0].Manual);
        Assert.Equal(JobRunOutcomes.Succeeded, job.LastOutcome?.Outcome);
        Assert.NotNull(job.LastOutcome?.At);
        Assert.Null(job.LastOutcome?.Error);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task PauseThenResume_ShowInTheList(string engine)
    {
        var admin = await SignInAdminAsync(engine);

        var pause = await admin.PostAsync(new Uri(Housekeeping + "/pause", UriKind.Relative), null);
        var paused = (await admin.GetFromJsonAsync<List<JobDto>>("/api/jobs"))!.Single(j => j.Name == "job-run-purge");
        var resume = await admin.PostAsync(new Uri(Housekeeping + "/resume", UriKind.Relative), null);
        var resumed = (await admin.GetFromJsonAsync<List<JobDto>>("/api/jobs"))!.Single(j => j.Name == "job-run-purge");

        Assert.Equal(HttpStatusCode.Accepted, pause.StatusCode);
        Assert.True(paused.Paused);
        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        Assert.False(resumed.Paused);
        Assert.NotNull(resumed.NextFireTime);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Commands_ForAnUnknownJob_Answer404ProblemDetails(string engine)
    {
        var admin = await SignInAdminAsync(engine);

        foreach (var action in new[] { "run", "pause", "resume" })
        {
            var response = await admin.PostAsync(new Uri($"/api/jobs/housekeeping/no-such-job/{action}", UriKind.Relative), null);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("No job 'housekeeping/no-such-job' is scheduled.", await ProblemReader.DetailAsync(response));
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Commands_WithABadGroupOrName_Answer400NamingTheField(string engine)
    {
        var admin = await SignInAdminAsync(engine);

        var badGroup = await admin.PostAsync(new Uri("/api/jobs/bad%20group/job-run-purge/run", UriKind.Relative), null);
        var badName = await admin.PostAsync(new Uri($"/api/jobs/housekeeping/{new string('x', 101)}/pause", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadRequest, badGroup.StatusCode);
        Assert.Equal(["group"], await ProblemReader.FieldsAsync(badGroup));
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.Equal(["name"], await ProblemReader.FieldsAsync(badName));
    }

    private async Task<HttpClient> SignInAdminAsync(string engine) => (await (await fixture.GetAsync(engine)).SignInAsAsync(Roles.Admin)).Client;

    private sealed record JobDto(
        string Group, string Name, string? Description, string? Schedule, string? MisfirePolicy,
        DateTimeOffset? NextFireTime, DateTimeOffset? PreviousFireTime, bool Paused, LastOutcomeDto? LastOutcome, JsonElement? RunningNow);

    private sealed record LastOutcomeDto(string Outcome, DateTime? At, string? Error);
}
