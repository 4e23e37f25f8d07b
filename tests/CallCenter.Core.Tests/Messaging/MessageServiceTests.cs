using CallCenter.Core.Common;
using CallCenter.Core.Interactions;
using CallCenter.Core.Messaging;
using CallCenter.Core.Patients;
using CallCenter.Core.Tests.Calls;
using CallCenter.Core.Tests.Patients;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Messaging;

public sealed class MessageServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RecordIncoming_SenderIsOnePatient_StoresBodyAndWritesTimelineOnce(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var phone = UniqueData.ChinaMobile();
        var patient = TestPatients.New(_time, phones: phone);
        await services.GetRequiredService<IPatientRepository>().CreateAsync(patient);
        var messages = services.GetRequiredService<MessageService>();
        var sid = TestCalls.Sid("SM");

        var first = await messages.RecordIncomingAsync(Incoming(sid, phone, "明天上午可以改约吗？"));
        var repeat = await messages.RecordIncomingAsync(Incoming(sid, phone, "明天上午可以改约吗？"));

        Assert.Equal((true, false), (first.Created, repeat.Created));
        Assert.Equal(patient.Id, first.PatientId);
        var message = await services.GetRequiredService<IMessageRepository>().FindBySidAsync(sid);
        Assert.Equal(("明天上午可以改约吗？", "received", "inbound", patient.Id), (message!.Body, message.Status, message.Direction, message.PatientId));
        var timeline = await services.GetRequiredService<IInteractionRepository>().TimelineAsync(patient.Id, new PageRequest(1, 50));
        var entry = Assert.Single(timeline.Items);
        Assert.Equal((InteractionKinds.Sms, InteractionDirections.Inbound, sid), (entry.Kind, entry.Direction, entry.ExternalId));
        Assert.Null(entry.Summary);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RecordIncoming_NumberSharedByTwoPatients_LinksNoOne(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var shared = UniqueData.ChinaMobile();
        await services.GetRequiredService<IPatientRepository>().CreateAsync(TestPatients.New(_time, phones: shared));
        await services.GetRequiredService<IPatientRepository>().CreateAsync(TestPatients.New(_time, phones: shared));

        var result = await services.GetRequiredService<MessageService>().RecordIncomingAsync(Incoming(TestCalls.Sid("SM"), shared, "hi"));

        Assert.True(result.Created);
        Assert.Null(result.PatientId);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ApplyStatus_DeliveredThenLateSent_StaysDeliveredAndKeepsBoth(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var messages = services.GetRequiredService<MessageService>();
        var sid = TestCalls.Sid("SM");

        var delivered = await messages.ApplyStatusAsync(Status(sid, MessageState.Delivered));
        _time.Advance(TimeSpan.FromSeconds(1));
        var sent = await messages.ApplyStatusAsync(Status(sid, MessageState.Sent));

        Assert.Equal((WebhookOutcome.Applied, WebhookOutcome.Stale), (delivered, sent));
        var repository = services.GetRequiredService<IMessageRepository>();
        var message = await repository.FindBySidAsync(sid);
        Assert.Equal(("delivered", MessageService.OutboundDirection), (message!.Status, message.Direction));
        Assert.Equal(["delivered", "sent"], (await repository.EventsAsync(message.Id)).Select(e => e.Status));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ApplyStatus_SameTokenOrSameStatusAgain_ChangesStateOnce(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var messages = services.GetRequiredService<MessageService>();
        var sid = TestCalls.Sid("SM");
        var token = Guid.NewGuid().ToString();

        var first = await messages.ApplyStatusAsync(Status(sid, MessageState.Sent, token));
        var sameToken = await messages.ApplyStatusAsync(Status(sid, MessageState.Undelivered, token) with { ErrorCode = 30003 });
        var sameStatus = await messages.ApplyStatusAsync(Status(sid, MessageState.Sent, Guid.NewGuid().ToString()));
        var failed = await messages.ApplyStatusAsync(Status(sid, MessageState.Undelivered) with { ErrorCode = 30003 });

        Assert.Equal([WebhookOutcome.Applied, WebhookOutcome.Duplicate, WebhookOutcome.Duplicate, WebhookOutcome.Applied], [first, sameToken, sameStatus, failed]);
        var repository = services.GetRequiredService<IMessageRepository>();
        var message = await repository.FindBySidAsync(sid);
        Assert.Equal(("undelivered", 30003), (message!.Status, message.ErrorCode));
        Assert.Equal(2, (await repository.EventsAsync(message.Id)).Count);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ApplyStatus_ConcurrentDuplicateDeliveries_ChangeStateOnce(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var messages = services.GetRequiredService<MessageService>();
        var sid = TestCalls.Sid("SM");
        var token = Guid.NewGuid().ToString();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => messages.ApplyStatusAsync(Status(sid, MessageState.Delivered, token)))));

        Assert.Single(outcomes, o => o == WebhookOutcome.Applied);
        var repository = services.GetRequiredService<IMessageRepository>();
        var message = await repository.FindBySidAsync(sid);
        Assert.Single(await repository.EventsAsync(message!.Id));
    }

    private static IncomingSms Incoming(string sid, string from, string body) => new()
    {
        MessageSid = sid,
        AccountSid = TestCalls.AccountSid,
        From = from,
        To = "+861012345678",
        Body = body,
        NumSegments = 1,
    };

    private static MessageStatusUpdate Status(string sid, MessageState state, string? token = null) => new()
    {
        MessageSid = sid,
        AccountSid = TestCalls.AccountSid,
        State = state,
        IdempotencyToken = token,
    };
}
