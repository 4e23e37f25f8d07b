using System.Net.Http.Json;
using CallCenter.Core.Data;
using CallCenter.Core.Interactions;
using CallCenter.Core.Messaging;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Outbox;
using Notifications.Tests.Infrastructure;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace Notifications.Tests.Outbox;

/// <summary>Enqueue and dispatch through the real carrier simulator: once, never twice, and what the carrier says.</summary>
public sealed class OutboxDispatchTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Enqueue_InRolledBackTransaction_LeavesNoRow(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var db = harness.Hub.GetRequiredService<IDbConnectionFactory>();
        Guid id;
        await using (var connection = await db.OpenAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            id = await harness.Outbox.EnqueueAsync(transaction, OutboxHarness.Sms(UniqueData.ChinaMobile(), "rolled back"));
            await transaction.RollbackAsync();
        }

        Assert.Null(await harness.Rows.FindAsync(id, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_DueRow_SendsOnceAndRecordsTheCarrierSid(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        var patient = await harness.AddPatientAsync(phone);
        var id = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "明天9:30心内科", patient.Id));

        await harness.DispatchAllAsync();
        await harness.DispatchAllAsync();

        var row = await harness.RowAsync(id);
        var carried = Assert.Single(await harness.AtCarrierAsync(phone));
        Assert.Equal((NotificationStatuses.Queued, carried.Sid, 1, "明天9:30心内科", OutboxHarness.Sender), (row.Status, row.CarrierId, row.Attempts, carried.Body, carried.From));
        var timeline = await harness.Hub.GetRequiredService<IInteractionRepository>().TimelineAsync(patient.Id, new CallCenter.Core.Common.PageRequest());
        Assert.Equal((InteractionKinds.Sms, InteractionDirections.Outbound, carried.Sid), (timeline.Items[0].Kind, timeline.Items[0].Direction, timeline.Items[0].ExternalId));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_LeaseRanOutAndCarrierHasTheMessage_RecordsItWithoutSendingAgain(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        var id = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "sent before the crash"));
        // A dispatcher claims the row, the carrier takes the message, and the process dies before it records the sid.
        var claimed = await harness.Rows.ClaimDueAsync(Guid.NewGuid(), harness.Now, harness.Now.AddMinutes(2), 10, CancellationToken.None);
        Assert.Contains(claimed, r => r.Id == id);
        var sent = await harness.Carrier.CreateMessageOnceAsync(new CreateMessageRequest { To = phone, From = OutboxHarness.Sender, Body = "sent before the crash" });

        await harness.DispatchAllAsync();
        var stillLeased = await harness.RowAsync(id);
        harness.Time.Advance(TimeSpan.FromMinutes(3));
        await harness.DispatchAllAsync();

        Assert.Equal(NotificationStatuses.Sending, stillLeased.Status);
        var row = await harness.RowAsync(id);
        Assert.Equal((NotificationStatuses.Queued, sent.Sid, false), (row.Status, row.CarrierId, row.CheckCarrier));
        Assert.Single(await harness.AtCarrierAsync(phone));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_LeaseRanOutAndCarrierStillHoldsTheMessageQueued_FindsItWithoutADateSent(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        var id = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "还在运营商队列里"));
        // The carrier's queue is backed up: what it takes stays "queued", with no date_sent, so DateSent>= would miss it.
        using var hold = await harness.CarrierHttp.PutAsJsonAsync("/simulator/message-hold", new { hold = true });
        hold.EnsureSuccessStatusCode();
        await harness.Rows.ClaimDueAsync(Guid.NewGuid(), harness.Now, harness.Now.AddMinutes(2), 10, CancellationToken.None);
        var sent = await harness.Carrier.CreateMessageOnceAsync(new CreateMessageRequest { To = phone, From = OutboxHarness.Sender, Body = "还在运营商队列里" });

        harness.Time.Advance(TimeSpan.FromMinutes(3));
        await harness.DispatchAllAsync();

        var carried = Assert.Single(await harness.AtCarrierAsync(phone));
        Assert.Equal((sent.Sid, MessageStatus.Queued, (DateTimeOffset?)null), (carried.Sid, carried.Status, carried.DateSent));
        var row = await harness.RowAsync(id);
        Assert.Equal((NotificationStatuses.Queued, sent.Sid, false), (row.Status, row.CarrierId, row.CheckCarrier));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_LeaseRanOutAndTheSameTextWentBeforeTheAttempt_SendsAgainNotTakingTheOldOne(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        var earlier = await harness.Carrier.CreateMessageOnceAsync(new CreateMessageRequest { To = phone, From = OutboxHarness.Sender, Body = "每日服药提醒" });
        harness.Time.Advance(TimeSpan.FromMinutes(30));
        var id = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "每日服药提醒"));
        await harness.Rows.ClaimDueAsync(Guid.NewGuid(), harness.Now, harness.Now.AddMinutes(2), 10, CancellationToken.None);

        harness.Time.Advance(TimeSpan.FromMinutes(3));
        await harness.DispatchAllAsync();

        var carried = await harness.AtCarrierAsync(phone);
        var row = await harness.RowAsync(id);
        Assert.Equal(2, carried.Count);
        Assert.Equal(carried[0].Sid, row.CarrierId);
        Assert.NotEqual(earlier.Sid, row.CarrierId);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_LeaseRanOutAndCarrierHasNothing_SendsOnce(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        var id = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "died before sending"));
        await harness.Rows.ClaimDueAsync(Guid.NewGuid(), harness.Now, harness.Now.AddMinutes(2), 10, CancellationToken.None);

        harness.Time.Advance(TimeSpan.FromMinutes(3));
        await harness.DispatchAllAsync();
        await harness.DispatchAllAsync();

        var carried = Assert.Single(await harness.AtCarrierAsync(phone));
        var row = await harness.RowAsync(id);
        Assert.Equal((NotificationStatuses.Queued, carried.Sid), (row.Status, row.CarrierId));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task StatusCallbacks_RepeatedAndOutOfOrder_MoveTheRowForwardOnly(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        var patient = await harness.AddPatientAsync(phone);
        var id = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "callbacks", patient.Id));
        await harness.DispatchAllAsync();
        var sid = (await harness.RowAsync(id)).CarrierId!;
        var messages = harness.Hub.GetRequiredService<MessageService>();
        MessageStatusUpdate Update(MessageState state, string token) =>
            new() { MessageSid = sid, AccountSid = OutboxHarness.AccountSid, State = state, IdempotencyToken = token, From = OutboxHarness.Sender, To = phone };

        await messages.ApplyStatusAsync(Update(MessageState.Sent, "a"));
        var afterSent = (await harness.RowAsync(id)).Status;
        await messages.ApplyStatusAsync(Update(MessageState.Delivered, "b"));
        await messages.ApplyStatusAsync(Update(MessageState.Delivered, "b"));
        await messages.ApplyStatusAsync(Update(MessageState.Delivered, "c"));
        await messages.ApplyStatusAsync(Update(MessageState.Sent, "d"));
        await messages.ApplyStatusAsync(Update(MessageState.Queued, "e"));

        Assert.Equal(NotificationStatuses.Sent, afterSent);
        Assert.Equal(NotificationStatuses.Delivered, (await harness.RowAsync(id)).Status);
        var timeline = await harness.Hub.GetRequiredService<IInteractionRepository>().TimelineAsync(patient.Id, new CallCenter.Core.Common.PageRequest());
        Assert.Single(timeline.Items, i => i.Summary!.EndsWith(" delivered", StringComparison.Ordinal));
        Assert.Single(timeline.Items, i => i.Summary!.EndsWith(" sent", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task StatusCallback_BeforeTheRowKnowsItsSid_IsCaughtUpWhenTheSendIsRecorded(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        var id = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "early callback"));
        await harness.Rows.ClaimDueAsync(Guid.NewGuid(), harness.Now, harness.Now.AddMinutes(2), 10, CancellationToken.None);
        var sent = await harness.Carrier.CreateMessageOnceAsync(new CreateMessageRequest { To = phone, From = OutboxHarness.Sender, Body = "early callback" });
        await harness.Hub.GetRequiredService<MessageService>().ApplyStatusAsync(
            new MessageStatusUpdate { MessageSid = sent.Sid, AccountSid = OutboxHarness.AccountSid, State = MessageState.Delivered, To = phone, From = OutboxHarness.Sender });

        harness.Time.Advance(TimeSpan.FromMinutes(3));
        await harness.DispatchAllAsync();

        Assert.Equal((NotificationStatuses.Delivered, sent.Sid), ((await harness.RowAsync(id)).Status, (await harness.RowAsync(id)).CarrierId));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task StatusCallback_Error21610_SuppressesTheNumber(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        var first = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "first"));
        await harness.DispatchAllAsync();
        await harness.Hub.GetRequiredService<MessageService>().ApplyStatusAsync(new MessageStatusUpdate
        {
            MessageSid = (await harness.RowAsync(first)).CarrierId!, AccountSid = OutboxHarness.AccountSid, State = MessageState.Failed,
            ErrorCode = TwilioErrorCodes.RecipientOptedOut, To = phone, From = OutboxHarness.Sender,
        });

        var second = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "second"));
        await harness.DispatchAllAsync();

        Assert.Equal((NotificationStatuses.Failed, "21610"), ((await harness.RowAsync(first)).Status, (await harness.RowAsync(first)).Error));
        Assert.Equal(NotificationStatuses.Suppressed, (await harness.RowAsync(second)).Status);
        Assert.NotNull(await harness.Hub.GetRequiredService<IRecipientSuppressions>().FindAsync("sms", phone));
        Assert.Single(await harness.AtCarrierAsync(phone));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Send_CarrierAnswers21610_SuppressesRowAndNumber(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        using var stop = await harness.CarrierHttp.PostAsJsonAsync("/simulator/sms", new { from = phone, to = OutboxHarness.Sender, body = "STOP" });
        Assert.True(stop.IsSuccessStatusCode, await stop.Content.ReadAsStringAsync());
        var id = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "after stop"));

        await harness.DispatchAllAsync();

        var row = await harness.RowAsync(id);
        Assert.Equal((NotificationStatuses.Suppressed, 1), (row.Status, row.Attempts));
        Assert.Equal("carrier 21610", await harness.Hub.GetRequiredService<IRecipientSuppressions>().FindAsync("sms", phone));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Send_CarrierAnswers429_BacksOffTheSenderForRetryAfterWithoutCountingAnAttempt(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        // One create a second, and this second's already used: the carrier answers 429, Retry-After 1 s.
        using var limit = await harness.CarrierHttp.PutAsJsonAsync("/simulator/limits", new { messageCreatesPerSecond = 1 });
        limit.EnsureSuccessStatusCode();
        await harness.Carrier.CreateMessageOnceAsync(new CreateMessageRequest { To = UniqueData.ChinaMobile(), From = OutboxHarness.Sender, Body = "uses this second" });
        var first = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "first"));
        await harness.DispatchAllAsync();
        var second = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "second"));
        await harness.DispatchAllAsync();

        var throttled = await harness.RowAsync(first);
        var heldBack = await harness.RowAsync(second);
        var nothingYet = await harness.AtCarrierAsync(phone);
        using var lifted = await harness.CarrierHttp.PutAsJsonAsync("/simulator/limits", new { messageCreatesPerSecond = (int?)null });
        lifted.EnsureSuccessStatusCode();
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.DispatchAllAsync();

        Assert.Equal((NotificationStatuses.Pending, 0, "throttled"), (throttled.Status, throttled.Attempts, throttled.Error));
        Assert.Equal(harness.Now, throttled.NextAttemptAt);
        Assert.Equal((NotificationStatuses.Pending, 0), (heldBack.Status, heldBack.Attempts));
        Assert.Empty(nothingYet);
        Assert.Equal(2, (await harness.AtCarrierAsync(phone)).Count);
        Assert.Equal(NotificationStatuses.Queued, (await harness.RowAsync(first)).Status);
        Assert.Equal(NotificationStatuses.Queued, (await harness.RowAsync(second)).Status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Send_CarrierKeepsRefusing_RetriesWithBackoffThenFails(string engine)
    {
        // No sender configured: every attempt is refused for now, as with a carrier that is down.
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine), new Dictionary<string, string?>
        {
            ["Notifications:Sms:From"] = string.Empty,
            ["Notifications:Outbox:MaxAttempts"] = "3",
            ["Notifications:Outbox:RetryBaseDelay"] = "00:00:10",
        });
        var id = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(UniqueData.ChinaMobile(), "never"));

        await harness.DispatchAllAsync();
        var first = await harness.RowAsync(id);
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await harness.DispatchAllAsync();
        var second = await harness.RowAsync(id);
        harness.Time.Advance(TimeSpan.FromSeconds(20));
        await harness.DispatchAllAsync();

        Assert.Equal((NotificationStatuses.Pending, 1), (first.Status, first.Attempts));
        Assert.Equal(first.UpdatedAt.AddSeconds(10), first.NextAttemptAt);
        Assert.Equal((NotificationStatuses.Pending, 2), (second.Status, second.Attempts));
        Assert.Equal(second.UpdatedAt.AddSeconds(20), second.NextAttemptAt);
        var last = await harness.RowAsync(id);
        Assert.Equal((NotificationStatuses.Failed, 3, "no-sender-configured"), (last.Status, last.Attempts, last.Error));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task WithdrawAndReschedule_ByCorrelation_TouchPendingRowsOnly(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        var correlation = "appointment:" + Guid.NewGuid();
        var sentAlready = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "confirmation") with { Correlation = correlation });
        await harness.DispatchAllAsync();
        var later = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "reminder") with { Correlation = correlation, DueAt = harness.Now.AddHours(1) });
        var other = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "other") with { Correlation = "appointment:other", DueAt = harness.Now.AddHours(1) });

        var db = harness.Hub.GetRequiredService<IDbConnectionFactory>();
        await using (var connection = await db.OpenAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            Assert.Equal(1, await harness.Outbox.RescheduleAsync(transaction, correlation, harness.Now.AddHours(2), harness.Now.AddHours(5)));
            await transaction.CommitAsync();
        }

        var moved = await harness.RowAsync(later);
        var withdrawn = await harness.Outbox.WithdrawAsync(correlation);
        harness.Time.Advance(TimeSpan.FromHours(3));
        await harness.DispatchAllAsync();

        Assert.Equal((harness.Now.AddHours(-1), harness.Now.AddHours(2)), (moved.DueAt, moved.ExpiresAt!.Value));
        Assert.Equal(1, withdrawn);
        Assert.Equal(NotificationStatuses.Queued, (await harness.RowAsync(sentAlready)).Status);
        Assert.Equal(NotificationStatuses.Cancelled, (await harness.RowAsync(later)).Status);
        Assert.Equal(NotificationStatuses.Queued, (await harness.RowAsync(other)).Status);
        Assert.Equal(["other", "confirmation"], (await harness.AtCarrierAsync(phone)).Select(m => m.Body));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatchers_RacingOverTheSameRows_SendEachOnce(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine), new Dictionary<string, string?>
        {
            ["Notifications:Outbox:BatchSize"] = "7",
        });
        await using var second = await OutboxHarness.StartAsync(await fixture.GetAsync(engine), clock: harness.Time);
        var phone = UniqueData.ChinaMobile();
        const int count = 120;
        for (var i = 0; i < count; i++)
        {
            await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "race " + i));
        }

        // Four dispatchers in two "processes" (two service containers), all at once, until nothing is due.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
        {
            var dispatcher = (n % 2 == 0 ? harness : second).Dispatcher;
            while (await dispatcher.RunOnceAsync(CancellationToken.None) > 0)
            {
            }
        })));

        var carried = await harness.AtCarrierAsync(phone);
        var atSecondCarrier = await second.AtCarrierAsync(phone);
        Assert.Equal(count, carried.Count + atSecondCarrier.Count);
        Assert.Equal(count, carried.Concat(atSecondCarrier).Select(m => m.Body).Distinct().Count());
    }
}
