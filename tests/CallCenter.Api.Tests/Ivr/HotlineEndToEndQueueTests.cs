using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Queues;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>A caller put in a queue of the shipped hotline with no agent free: the long wait offers a call back.</summary>
public sealed class HotlineEndToEndQueueTests
{
    [Fact]
    public async Task KnownCallerInComplaintsQueue_AcceptsCallbackOffer_CallbackKeepsPlace()
    {
        await using var hub = await LiveHub.StartAsync();
        var data = await HotlineData.SignInAsync(hub.Factory);
        var number = UniqueData.ChinaMobile();
        var patientId = await data.AddPatientAsync("陈静", number, "zh-CN");
        using var carrier = hub.CreateHttpClient();

        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.PressAsync("3");  // main menu: complaints
        await phone.PressAsync("1");  // while holding: call me back
        var call = await phone.WaitForStatusAsync("completed");
        Assert.DoesNotContain(call.Transcript, line => line.Kind == "error");

        Assert.Contains(call.Transcript, line => line.Kind == "enqueue" && line.Text == "complaints");
        Assert.All(call.Said, line => Assert.Equal("zh-CN", line.Language));
        Assert.Contains(call.Said, line => line.Text == "您前面还有1位，预计等待3分钟，请稍候。");
        Assert.Contains(call.Said, line => line.Text == "如需保留排队位置并由我们回电，请按1。");
        Assert.Equal("好的，我们会按您的排队顺序回电，再见。", call.Said[^1].Text);

        var callback = await hub.Factory.Services.GetRequiredService<IQueueRepository>().FindCallbackAsync(phone.CallSid);
        Assert.NotNull(callback);
        Assert.Equal(("complaints", number, patientId, "zh-CN"), (callback.QueueName, callback.Number, callback.PatientId, callback.Language));
        var ivr = await data.IvrAsync(phone.CallSid);
        Assert.Equal(["identify", "greet-known", "greet-returning", "opening-hours", "main-menu", "complaints-queue", "goodbye-quiet"], ivr.Steps);
    }

    [Fact]
    public async Task VipCallerAsksForAgent_HangsUpWhileHolding_PriorityEntryLeftAndTraced()
    {
        await using var hub = await LiveHub.StartAsync();
        var data = await HotlineData.SignInAsync(hub.Factory);
        var number = UniqueData.ChinaMobile();
        var patientId = await data.AddPatientAsync("David Zhang", number, "en-US", mrn: null, "VIP");
        using var carrier = hub.CreateHttpClient();

        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.PressAsync("0");  // main menu: an agent
        await phone.WaitForAsync(c => c.Said.Any(l => l.Text == "We are putting you through with priority. Please hold."), "the priority hold prompt");
        await phone.HangUpAsync();
        var call = await phone.WaitForStatusAsync("completed");
        Assert.DoesNotContain(call.Transcript, line => line.Kind == "error");

        var queues = hub.Factory.Services.GetRequiredService<IQueueRepository>();
        var entry = await Polling.UntilAsync(() => queues.FindByCallSidAsync(phone.CallSid), e => e?.Status == QueueStatuses.Left, "the queue entry left");
        Assert.Equal(("general", 10, patientId, "en-US", "hangup"), (entry!.QueueName, entry.Priority, entry.PatientId, entry.Language, entry.EndReason));
        var ivr = await data.IvrAsync(phone.CallSid);
        Assert.Equal(["identify", "greet-known", "greet-returning", "opening-hours", "main-menu", "agent", "agent-queue-priority"], ivr.Steps);
        Assert.Contains(ivr.Trace, t => t is { Step: "agent-queue-priority", Event: "queue-left", Detail: "hangup" });
        Assert.True(ivr.Ended);
    }
}
