using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>A caller who says nothing: the shipped hotline's timeouts and retries, on the carrier's (fake) clock.</summary>
public sealed class HotlineEndToEndSilenceTests
{
    [Fact]
    public async Task UnknownCallerSilentAtLanguageChoice_AskedAgainThenMandarin_HangsUpAtMainMenu_SessionEnds()
    {
        await using var hub = await LiveHub.StartAsync();
        var data = await HotlineData.SignInAsync(hub.Factory);
        using var carrier = hub.CreateHttpClient();

        var phone = await SimulatedPhone.CallAsync(carrier, UniqueData.ChinaMobile());
        await phone.StaySilentAsync(hub.Factory.Time, TimeSpan.FromSeconds(4), times: 2); // the language choice: asked, asked again
        await phone.WaitForNextGatherAsync();                                               // the main menu
        await phone.HangUpAsync();
        var call = await phone.WaitForStatusAsync("completed");
        Assert.DoesNotContain(call.Transcript, line => line.Kind == "error");

        Assert.Equal(2, call.Said.Count(line => line.Text == "For English, press 2." && line.Language == "en-US"));
        Assert.Equal("zh-CN", call.Said[^1].Language);
        Assert.StartsWith("预约查询、确认、取消或挂号请按1", call.Said[^1].Text, StringComparison.Ordinal);
        // The final status callback ends the session where the caller hung up.
        var ivr = await Polling.UntilAsync(() => data.IvrAsync(phone.CallSid), v => v.Ended, "the IVR session ended");
        Assert.Contains(ivr.Trace, t => t is { Step: "main-menu", Event: "call-ended", Detail: "completed" });
        Assert.Equal("zh-CN", ivr.Language);
        Assert.Equal("main-menu", ivr.CurrentStep);
        Assert.Equal(["identify", "choose-language", "opening-hours", "main-menu"], ivr.Steps);
        Assert.Equal(2, ivr.Trace.Count(t => t is { Step: "choose-language", Event: "no-input" }));
        Assert.Contains(ivr.Trace, t => t is { Step: "choose-language", Event: "transition", Detail: "no-input -> opening-hours" });
    }
}
