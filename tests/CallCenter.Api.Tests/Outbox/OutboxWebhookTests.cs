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

/// <summary>The outbox sending through the simulator served by the same in-memory hub, and the hub's own SMS status webhook moving the row.</summary>
public sealed class OutboxWebhookTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SmsSentByTheOutbox_StatusWebhook_MovesTheRowAndThePatientsTimeline(string engine)
    {
        await using var hub = new ApiFactory(await fixture.GetAsync(engine), new Dictionary<string, string?> { ["Notifications:Sms:From"] = "+861012345678" });
        await using var carrierHub = WithCarrier(hub);
        var services = carrierHub.Services;
        var phone = UniqueData.ChinaMobile();
        var patient = await NotificationEndpointsTests.AddPatientAsync(services, phone);
        var id = await services.GetRequiredService<INotificationOutbox>().EnqueueAsync(NotificationEndpointsTests.Sms(phone, "明天见", patient.Id));

        await services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);
        var sid = (await services.GetRequiredService<INotificationRepository>().FindAsync(id, CancellationToken.None))!.CarrierId!;
        var twilio = new TwilioWebhookClient(hub);
        var delivered = await twilio.PostAsync("/twilio/sms/status", twilio.SmsStatus(sid, MessageStatus.Delivered));
        var late = await twilio.PostAsync("/twilio/sms/status", twilio.SmsStatus(sid, MessageStatus.Sent));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], [delivered.StatusCode, late.StatusCode]);
        Assert.Equal(NotificationStatuses.Delivered, (await services.GetRequiredService<INotificationRepository>().FindAsync(id, CancellationToken.None))!.Status);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var timeline = await supervisor.Client.GetFromJsonAsync<JsonElement>($"/api/patients/{patient.Id}/timeline");
        var summaries = timeline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("summary").GetString()).ToList();
        Assert.Contains("appointment-reminder sms sent", summaries);
        Assert.Contains("appointment-reminder sms delivered", summaries);
    }

    private static WebApplicationFactory<Program> WithCarrier(ApiFactory hub) =>
        hub.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            // The carrier simulator is served by this same in-memory hub, and its webhooks go back to it.
            services.AddHttpClient<TwilioRestClient>()
                .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
            services.AddHttpClient("carrier-simulator")
                .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
        }));

}
