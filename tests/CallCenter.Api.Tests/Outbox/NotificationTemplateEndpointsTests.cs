using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Outbox;

public sealed class NotificationTemplateEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Templates_CreateReadReplaceDelete_AsAdmin(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var seeded = await admin.Client.GetFromJsonAsync<JsonElement>("/api/notification-templates");
        // A key no seed uses, so the create is new on a shared hub only once per engine: delete first.
        await admin.Client.DeleteAsync("/api/notification-templates/survey/email/en-US");

        var created = await admin.Client.PostAsJsonAsync("/api/notification-templates",
            new { purpose = "survey", channel = "email", language = "en-US", subject = "{{hospitalName}} survey", body = "{{surveyQuestion}}" });
        var duplicate = await admin.Client.PostAsJsonAsync("/api/notification-templates",
            new { purpose = "survey", channel = "email", language = "en-US", subject = "again", body = "again" });
        var replaced = await admin.Client.PutAsJsonAsync("/api/notification-templates/survey/email/en-US", new { subject = "Survey", body = "{{patientName}}: {{surveyQuestion}}" });
        var read = await admin.Client.GetFromJsonAsync<JsonElement>("/api/notification-templates/survey/email/en-US");
        var deleted = await admin.Client.DeleteAsync("/api/notification-templates/survey/email/en-US");
        var gone = await admin.Client.GetAsync("/api/notification-templates/survey/email/en-US");

        Assert.True(seeded.GetArrayLength() >= 14);
        Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.NotFound],
            [created.StatusCode, duplicate.StatusCode, replaced.StatusCode, deleted.StatusCode, gone.StatusCode]);
        Assert.Equal("{{patientName}}: {{surveyQuestion}}", read.GetProperty("body").GetString());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Save_UnknownVariable_IsRefusedNamingIt(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.PutAsJsonAsync("/api/notification-templates/appointment-reminder/sms/en-US", new { body = "Hi {{patientName}}, your {{bloodType}} test" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reason = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("body")[0].GetString();
        Assert.StartsWith("unknown variable 'bloodType'", reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Preview_ShowsRenderedTextSegmentsAndEncoding(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var longChinese = string.Concat(Enumerable.Repeat("请按时就诊", 15)) + "{{patientName}}";

        var seeded = await admin.Client.PostAsJsonAsync("/api/notification-templates/preview", new { purpose = "appointment-reminder", channel = "sms", language = "en-US" });
        var given = await admin.Client.PostAsJsonAsync("/api/notification-templates/preview", new { purpose = "appointment-reminder", channel = "sms", language = "zh-CN", body = longChinese });
        var bad = await admin.Client.PostAsJsonAsync("/api/notification-templates/preview", new { purpose = "appointment-reminder", channel = "pigeon", language = "zh-CN", body = "{{x}}" });

        var english = await seeded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("gsm7", 1), (english.GetProperty("encoding").GetString(), english.GetProperty("segments").GetInt32()));
        Assert.StartsWith("Demo Hospital reminder: Wei Zhang,", english.GetProperty("body").GetString(), StringComparison.Ordinal);
        var chinese = await given.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("ucs2", 2, 77), (chinese.GetProperty("encoding").GetString(), chinese.GetProperty("segments").GetInt32(), chinese.GetProperty("characters").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("channel", out _));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Templates_AsSupervisor_AreForbidden(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Client.GetAsync("/api/notification-templates")).StatusCode);
    }
}
