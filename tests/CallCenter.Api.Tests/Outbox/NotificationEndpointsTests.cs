using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Telephony;
using CallCenter.Core.Accounts;
using CallCenter.Core.Messaging;
using CallCenter.Core.Patients;
using CallCenter.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Outbox;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Tests.Outbox;

public sealed class NotificationEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task List_AsSupervisor_FiltersByPatientPurposeAndStatus(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var patient = await AddPatientAsync(hub.Services, UniqueData.ChinaMobile());
        var outbox = hub.Services.GetRequiredService<INotificationOutbox>();
        var phone = patient.Phones[0].E164;
        var reminder = await outbox.EnqueueAsync(Sms(phone, "reminder", patient.Id));
        await outbox.EnqueueAsync(Sms(phone, "survey", patient.Id) with { Purpose = NotificationPurposes.Survey });

        var all = await supervisor.Client.GetFromJsonAsync<JsonElement>($"/api/notifications?patientId={patient.Id}");
        var reminders = await supervisor.Client.GetFromJsonAsync<JsonElement>($"/api/notifications?patientId={patient.Id}&purpose=appointment-reminder&status=pending");
        var none = await supervisor.Client.GetFromJsonAsync<JsonElement>($"/api/notifications?patientId={patient.Id}&status=delivered");

        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
        var item = Assert.Single(reminders.GetProperty("items").EnumerateArray());
        Assert.Equal((reminder, "reminder", "pending"), (item.GetProperty("id").GetGuid(), item.GetProperty("body").GetString(), item.GetProperty("status").GetString()));
        Assert.Equal(0, none.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task List_BadFilters_AnswerProblemDetailsNamingEachField(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);

        var response = await supervisor.Client.GetAsync("/api/notifications?status=lost&purpose=gossip&pageSize=0&from=2026-11-23&to=2026-11-22");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["pageSize", "purpose", "status", "to"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task List_AsAgent_IsForbidden(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync("/api/notifications")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Stop_FromANumberNoPatientHas_SuppressesIt_ButStopWithMoreWordsDoesNot(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var twilio = new TwilioWebhookClient(hub);
        var stranger = UniqueData.ChinaMobile();
        var chatty = UniqueData.ChinaMobile();

        var stop = await twilio.PostAsync("/twilio/sms", twilio.Sms(TwilioWebhookClient.Sid("SM"), stranger, "stop"));
        var notStop = await twilio.PostAsync("/twilio/sms", twilio.Sms(TwilioWebhookClient.Sid("SM"), chatty, "STOP 12345"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], [stop.StatusCode, notStop.StatusCode]);
        var suppressions = hub.Services.GetRequiredService<IRecipientSuppressions>();
        Assert.Equal("keyword STOP", await suppressions.FindAsync("sms", stranger));
        Assert.Null(await suppressions.FindAsync("sms", chatty));
    }

    internal static OutboundMessage Sms(string to, string body, Guid? patientId) => new()
    {
        Channel = NotificationChannels.Sms,
        Purpose = NotificationPurposes.AppointmentReminder,
        Recipient = to,
        Body = body,
        PatientId = patientId,
    };

    internal static async Task<Patient> AddPatientAsync(IServiceProvider services, string phone)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var patient = new Patient
        {
            Id = Guid.CreateVersion7(), FullName = UniqueData.Name("patient"), Gender = Genders.Unknown, PreferredLanguage = "zh-CN",
            TimeZone = "Asia/Shanghai", CreatedAt = now, UpdatedAt = now,
            Phones = [new PatientPhone { E164 = phone, Kind = PhoneKinds.Mobile, IsPrimary = true }],
        };
        Assert.Equal(PatientSaveResult.Saved, await services.GetRequiredService<IPatientRepository>().CreateAsync(patient));
        return patient;
    }
}
