using AgentConsole.Desk;
using AgentDesk.Contracts;
using Microsoft.Extensions.Time.Testing;
using static Agent.Console.Tests.Desk.DeskSamples;

namespace Agent.Console.Tests.Desk;

public sealed class ScreenPopTextTests
{
    private readonly FakeTimeProvider _time = new(HubNow);
    private readonly DeskModel _model;

    public ScreenPopTextTests() => _model = new DeskModel(_time, new Uri("http://hub.test"), TimeZoneInfo.Utc);

    [Fact]
    public void Lines_RingingKnownPatient_ShowsWhoWhyAndHowLongLeft()
    {
        _model.OnOfferReceived(Offer(ringSeconds: 20));
        _time.Advance(TimeSpan.FromSeconds(4));

        var text = string.Join('\n', ScreenPopText.Lines(_model));

        Assert.Contains("rings out in 16s", text, StringComparison.Ordinal);
        Assert.Contains("Patient: Wang Fang | MRN MRN-0042 | 46y F | zh-CN", text, StringComparison.Ordinal);
        Assert.Contains("Tags: vip, diabetes", text, StringComparison.Ordinal);
        Assert.Contains("IVR: lang zh-CN, keys 1>2, verified", text, StringComparison.Ordinal);
        Assert.Contains("Queue appointments, waited 42s", text, StringComparison.Ordinal);
        Assert.Contains("Cardiology [booked]", text, StringComparison.Ordinal);
        Assert.Contains("COMPLAINT open: waiting-time", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_OpenComplaintCase_ShowsCategorySeverityStatusAndDue()
    {
        var offer = Offer();
        var complaint = new DeskFollowUp
        {
            Id = Guid.NewGuid(), Kind = "complaint-case", Category = "staff-attitude", CreatedAt = HubNow.AddDays(-1), Status = "investigating",
            Severity = "high", DueAt = HubNow.AddHours(3),
        };
        _model.OnOfferReceived(offer with { ScreenPop = offer.ScreenPop with { OpenComplaints = [complaint] } });

        Assert.Contains("COMPLAINT open: staff-attitude (high) since 2026-11-22 [investigating] due 2026-11-23 05:00", ScreenPopText.Lines(_model));
    }

    [Fact]
    public void Lines_PatientWithoutBirthDateOrSex_LeavesThemOut()
    {
        var offer = Offer();
        _model.OnOfferReceived(offer with { ScreenPop = offer.ScreenPop with { Patient = Patient() with { DateOfBirth = null, Sex = "unknown", Mrn = null } } });

        Assert.Contains("Patient: Wang Fang | zh-CN", ScreenPopText.Lines(_model));
    }

    [Fact]
    public void Lines_UnknownCaller_ListsCandidatesAndHowToLink()
    {
        var offer = Offer();
        _model.OnOfferReceived(offer with { ScreenPop = offer.ScreenPop with { Patient = null, Candidates = [Patient("Zhao Min"), Patient("Zhao Ming")] } });

        var lines = ScreenPopText.Lines(_model);

        Assert.Contains("Unknown caller +86138****0000: 2 candidate(s) [L link / P create]", lines);
        Assert.Contains(lines, l => l.Contains("2. Zhao Ming", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_CallOnHold_SaysSo()
    {
        var offer = Offer();
        _model.OnOfferReceived(offer);
        _model.OnCallConnected(Call(offer, _time.GetUtcNow(), onHold: true));

        Assert.StartsWith("ON CALL (ON HOLD)", ScreenPopText.Lines(_model)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_AvailableWithNothingRinging_SaysItIsWaiting()
    {
        _model.OnStateChanged(new DeskAgentState { State = "available", Since = _time.GetUtcNow() });

        Assert.Equal(["No call. Waiting for the next offer."], ScreenPopText.Lines(_model));
    }

    [Fact]
    public void Lines_Nothing_TellsHowToStart()
    {
        Assert.Equal(["No call. Press F2 to be available."], ScreenPopText.Lines(_model));
        Assert.Equal(["(no recent interactions)"], ScreenPopText.Interactions(_model));
    }

    [Fact]
    public void Interactions_AgentInShanghai_ShowsLocalTimes()
    {
        var model = new DeskModel(_time, new Uri("http://hub.test"), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        model.OnOfferReceived(Offer());

        Assert.Equal(["2026-11-20 10:00 call inbound asked about results"], ScreenPopText.Interactions(model));
    }

    [Fact]
    public void Interactions_ScreenPop_ListsThem()
    {
        _model.OnOfferReceived(Offer());

        Assert.Equal(["2026-11-20 02:00 call inbound asked about results"], ScreenPopText.Interactions(_model));
    }

    [Theory]
    [InlineData("Connected", null, "Connected")]
    [InlineData("Reconnecting", 5, "Reconnecting in 5s")]
    [InlineData("Unreachable", 10, "Hub unreachable at http://hub.test/, retrying in 10s")]
    [InlineData("SignedOut", null, "Signed out: press R to sign in again")]
    public void Connection_EachPhase_SaysWhatIsGoingOn(string phase, int? retryIn, string expected)
    {
        var now = _time.GetUtcNow();
        var status = new ConnectionStatus(Enum.Parse<ConnectionPhase>(phase), new Uri("http://hub.test"), retryIn is null ? null : now.AddSeconds(retryIn.Value));

        Assert.Equal(expected, DeskText.Connection(status, now));
    }

    [Fact]
    public void Failure_UnknownCodeWithoutReason_ShowsTheCode()
    {
        Assert.Equal("weird-code", DeskText.Failure(new DeskResult { Error = "weird-code" }));
    }

    [Fact]
    public void Interactions_AfterMyCallbacks_ListsThemUntilHidden()
    {
        _model.OnCallbacks(
        [
            new DeskCallback
            {
                CallbackId = Guid.NewGuid(), Queue = "general", Status = "scheduled", Source = "desk", Number = "+86138****0000",
                DueAt = _time.GetUtcNow().AddHours(2), Reason = "MRI results", Attempts = 1, LastOutcome = "busy",
            },
        ]);

        Assert.Equal([$"{_time.GetUtcNow().AddHours(2):yyyy-MM-dd HH:mm} scheduled general +86138****0000 MRI results (1 tries, last busy)"], ScreenPopText.Interactions(_model));

        _model.HideCallbacks();
        Assert.Equal(["(no recent interactions)"], ScreenPopText.Interactions(_model));
        _model.OnCallbacks([]);
        Assert.Equal(["(no open callbacks)  [M back to interactions]"], ScreenPopText.Interactions(_model));
    }
}
