using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.FollowUps;
using CallCenter.Core.Queues;
using CallCenter.Core.Routing;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Desk.Voice;

/// <summary>A caller waiting past the queue's maximum wait: a voicemail, or a callback that keeps their place.</summary>
public sealed class DeskOverflowTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task OverflowVoicemail_CallerLeavesMessage_StoredAsFollowUp(string engine)
    {
        await using var hub = await VoiceHub.StartAsync(engine);
        var phone = await hub.CallerInQueueAsync();

        await hub.ControlAsync(async c => { await c.OverflowAsync(new OverflowAction(phone.CallSid, "general", OverflowKind.Voicemail, null, "zh-CN")); return true; });
        await phone.RecordAsync("请给我回电话", hub.Time, TimeSpan.FromSeconds(6));
        var call = await phone.WaitForStatusAsync("completed");

        Assert.Contains(call.Said, l => l.Text == "抱歉，目前等待时间较长。请在提示音后留言，我们会尽快回复您。");
        Assert.Equal("您的留言已收到，再见。", call.Said[^1].Text);
        var entry = await hub.Services.GetRequiredService<IQueueRepository>().FindByCallSidAsync(phone.CallSid);
        var voicemail = Assert.Single(await hub.Services.GetRequiredService<IFollowUpRepository>().ForCallAsync(phone.CallSid));
        Assert.Equal((FollowUpKinds.Voicemail, "general", "zh-CN", entry!.PatientId, phone.Number), (voicemail.Kind, voicemail.Category, voicemail.Language, voicemail.PatientId, voicemail.CallerNumber));
        Assert.NotNull(voicemail.PatientId);
        Assert.DoesNotContain(call.Transcript, l => l.Kind == "error");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task OverflowCallback_CallerPressesOne_CallbackRequestKeepsPlace(string engine)
    {
        await using var hub = await VoiceHub.StartAsync(engine);
        var phone = await hub.CallerInQueueAsync();

        await hub.ControlAsync(async c => { await c.OverflowAsync(new OverflowAction(phone.CallSid, "general", OverflowKind.Callback, null, "zh-CN")); return true; });
        await WaitForCallbackOfferAsync(phone);
        await phone.PostDigitsAsync("1");
        var call = await phone.WaitForStatusAsync("completed");

        Assert.Equal("好的，我们会按您的排队顺序回电，再见。", call.Said[^1].Text);
        var queues = hub.Services.GetRequiredService<IQueueRepository>();
        var entry = await queues.FindByCallSidAsync(phone.CallSid);
        var callback = await queues.FindCallbackAsync(phone.CallSid);
        Assert.NotNull(callback);
        Assert.Equal(("general", phone.Number, entry!.EnqueuedAt, "zh-CN"), (callback.QueueName, callback.Number, callback.PlaceEnqueuedAt, callback.Language));
    }

    [Fact]
    public async Task OverflowCallback_NoKeyPressed_CallerGoesToVoicemail()
    {
        await using var hub = await VoiceHub.StartAsync(TestEngines.Sqlite);
        var phone = await hub.CallerInQueueAsync();

        await hub.ControlAsync(async c => { await c.OverflowAsync(new OverflowAction(phone.CallSid, "general", OverflowKind.Callback, null, "zh-CN")); return true; });
        await WaitForCallbackOfferAsync(phone);
        var call = await Polling.UntilAsync(
            async () =>
            {
                var now = await phone.ReadAsync();
                if (!now.Lines("record").Any())
                {
                    hub.Time.Advance(TimeSpan.FromSeconds(8));
                }

                return now;
            },
            c => c.Lines("record").Any(),
            "the voicemail recording");

        Assert.Contains(call.Said, l => l.Text == "抱歉，目前等待时间较长。请在提示音后留言，我们会尽快回复您。");
        Assert.Null(await hub.Services.GetRequiredService<IQueueRepository>().FindCallbackAsync(phone.CallSid));
    }

    // The hotline's own queue may offer its callback first; keys go to the overflow's offer only once it is heard.
    private static Task<PhoneCall> WaitForCallbackOfferAsync(SimulatedPhone phone) =>
        phone.WaitForAsync(c => c.Said.Any(l => l.Text == "如需保留排队位置并由我们回电，请按1；如需留言，请稍候。"), "the overflow's callback offer");
}
