using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using static CallCenter.Api.Tests.Scheduling.SchedulingApi;

namespace CallCenter.Api.Tests.Surveys;

public sealed class SurveyDefinitionEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Survey_CreatedEditedAndRetired_EachEditIsANewVersion(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = (await hub.SignInAsAsync(Roles.Admin)).Client;
        var key = "care-" + Guid.NewGuid().ToString("N")[..8];

        var created = await admin.PostAsJsonAsync("/api/surveys", Body(key, "csat", "general"));
        var duplicate = await admin.PostAsJsonAsync("/api/surveys", Body(key, "csat", "general"));
        var edited = await admin.PutAsJsonAsync($"/api/surveys/{key}", Body(null, "nps", "appointments"));
        var latest = await admin.GetFromJsonAsync<JsonElement>($"/api/surveys/{key}");
        var first = await admin.GetFromJsonAsync<JsonElement>($"/api/surveys/{key}?version=1");
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/surveys");
        var retired = await admin.DeleteAsync($"/api/surveys/{key}");
        var listedAfter = await admin.GetFromJsonAsync<JsonElement>("/api/surveys");
        var editRetired = await admin.PutAsJsonAsync($"/api/surveys/{key}", Body(null, "nps", "appointments"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal((2, "nps", "appointments", "满意度"), (latest.GetProperty("version").GetInt32(), Type(latest), Queue(latest), latest.GetProperty("name").GetProperty("zh-CN").GetString()));
        Assert.Equal((1, "csat", "general"), (first.GetProperty("version").GetInt32(), Type(first), Queue(first)));
        Assert.NotEqual(first.GetProperty("id").GetGuid(), latest.GetProperty("id").GetGuid());
        Assert.Equal(2, Assert.Single(listed.EnumerateArray(), s => s.GetProperty("key").GetString() == key).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);
        Assert.DoesNotContain(listedAfter.EnumerateArray(), s => s.GetProperty("key").GetString() == key);
        Assert.Equal(HttpStatusCode.NotFound, editRetired.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Survey_BadDefinition_Returns400NamingEachField(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = (await hub.SignInAsAsync(Roles.Admin)).Client;

        var empty = await admin.PostAsJsonAsync("/api/surveys", new { });
        var bad = await admin.PostAsJsonAsync("/api/surveys", new
        {
            key = "Not A Key",
            name = new Dictionary<string, string> { ["zh-CN"] = "满意度" },
            questions = new object?[]
            {
                new { type = "csat", text = Text("满意吗？", "Satisfied?") },
                new { type = "nps", text = new Dictionary<string, string> { ["en-US"] = "Recommend?" } },
                new { type = "stars", text = Text("星级", "Stars") },
                null,
            },
            triggers = new object?[]
            {
                new { kind = "desk-call", queue = "no-such-queue" },
                new { kind = "visit-completed", departmentId = Guid.NewGuid(), delayHours = -1 },
                new { kind = "birthday" },
                new { kind = "follow-up-call", queue = "general" },
            },
        });
        var tooMany = await admin.PostAsJsonAsync("/api/surveys", new
        {
            key = "many", name = Text("多", "Many"), questions = Enumerable.Range(0, 11).Select(_ => new { type = "text", text = Text("问", "Q") }).ToArray(),
        });
        var editBad = await admin.PutAsJsonAsync("/api/surveys/anything", new { name = Text("名", "Name"), questions = Array.Empty<object>() });

        Assert.Equal(["key", "name", "questions"], (await FieldErrorsAsync(empty)).Order(StringComparer.Ordinal));
        Assert.Equal(
            [
                "key", "name.en-US", "questions[1].text.zh-CN", "questions[2].type", "questions[3]",
                "triggers[0].queue", "triggers[1].delayHours", "triggers[1].departmentId", "triggers[2].kind", "triggers[3].queue",
            ],
            (await FieldErrorsAsync(bad)).Order(StringComparer.Ordinal));
        Assert.Equal(["questions"], await FieldErrorsAsync(tooMany));
        Assert.Equal(["questions"], await FieldErrorsAsync(editBad));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task DeskCallTrigger_Channel_KeypadKeptSmsByDefaultBadValueReturns400(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = (await hub.SignInAsAsync(Roles.Admin)).Client;
        var key = "keys-" + Guid.NewGuid().ToString("N")[..8];
        var questions = new[] { new { type = "csat", text = Text("您满意吗？", "Are you satisfied?") } };

        var created = await admin.PostAsJsonAsync("/api/surveys", new
        {
            key, name = Text("满意度", "Satisfaction"), questions,
            triggers = new object[] { new { kind = "desk-call", queue = "general", channel = "keypad" }, new { kind = "desk-call", queue = "appointments" } },
        });
        var survey = await admin.GetFromJsonAsync<JsonElement>($"/api/surveys/{key}");
        var bad = await admin.PutAsJsonAsync($"/api/surveys/{key}", new
        {
            name = Text("满意度", "Satisfaction"), questions,
            triggers = new object[] { new { kind = "desk-call", queue = "general", channel = "voice" }, new { kind = "follow-up-call", channel = "keypad" } },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(
            ["keypad", "sms"],
            survey.GetProperty("triggers").EnumerateArray().Select(t => t.GetProperty("channel").GetString()));
        Assert.Equal(["triggers[0].channel", "triggers[1].channel"], (await FieldErrorsAsync(bad)).Order(StringComparer.Ordinal));
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>($"/api/surveys/{key}")).GetProperty("version").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Surveys_AsSupervisorOrAgent_AreForbidden_ResultsAreForSupervisors(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = (await hub.SignInAsAsync(Roles.Supervisor)).Client;
        var agent = (await hub.SignInAsAsync(Roles.Agent)).Client;

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync("/api/surveys", Body("x", "csat", "general"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/surveys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/surveys/results")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/surveys/results")).StatusCode);
        Assert.Equal(
            ["format", "pageSize", "to", "trigger"],
            (await FieldErrorsAsync(await supervisor.GetAsync("/api/surveys/results?format=xml&pageSize=0&trigger=birthday&from=2026-11-23&to=2026-11-22"))).Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, string> Text(string zh, string en) => new() { ["zh-CN"] = zh, ["en-US"] = en };

    private static object Body(string? key, string type, string queue) => new
    {
        key,
        name = Text("满意度", "Satisfaction"),
        questions = new[] { new { type, text = Text("您满意吗？", "Are you satisfied?") } },
        triggers = new[] { new { kind = "desk-call", queue } },
    };

    private static string? Type(JsonElement survey) => survey.GetProperty("questions")[0].GetProperty("type").GetString();

    private static string? Queue(JsonElement survey) => survey.GetProperty("triggers")[0].GetProperty("queue").GetString();
}
