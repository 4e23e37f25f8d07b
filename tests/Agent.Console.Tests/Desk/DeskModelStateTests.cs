using AgentConsole.Desk;
using AgentDesk.Contracts;
using Microsoft.Extensions.Time.Testing;
using static Agent.Console.Tests.Desk.DeskSamples;

namespace Agent.Console.Tests.Desk;

public sealed class DeskModelStateTests
{
    // The console's clock is hours away from the hub's: durations must not depend on the two agreeing.
    private readonly FakeTimeProvider _time = new(HubNow.AddHours(7).AddMinutes(13));
    private readonly DeskModel _model;
    private int _changes;

    public DeskModelStateTests()
    {
        _model = new DeskModel(_time, new Uri("http://hub.test:5080"), TimeZoneInfo.Utc);
        _model.Changed += () => _changes++;
    }

    [Fact]
    public void StateChanged_Push_TimeInStateCountsFromArrivalNotFromTheHubsClock()
    {
        _model.OnStateChanged(State("available", since: HubNow));

        _time.Advance(TimeSpan.FromSeconds(65));

        Assert.Equal(TimeSpan.FromSeconds(65), _model.TimeInState);
        Assert.Equal("State: available 01:05", DeskText.AgentState(_model));
    }

    [Fact]
    public void StateChanged_LeavingWrapUp_ClearsTheWrapUpOwed()
    {
        var offer = Offer();
        _model.OnCallConnected(Call(offer, HubNow));
        _model.OnCallEnded(new DeskCallEnded(offer.CallSid!, "agent-hung-up", 10, null));

        _model.OnStateChanged(State("available"));

        Assert.Null(_model.WrapUpCallSid);
    }

    [Fact]
    public void StateChanged_WrapUpWithDeadline_StatusCountsDownToIt()
    {
        _model.OnStateChanged(State("wrap-up", since: HubNow) with { WrapUpUntil = HubNow.AddSeconds(30) });

        _time.Advance(TimeSpan.FromSeconds(12));

        Assert.Equal(18, _model.SecondsOfWrapUpLeft);
        Assert.Equal("State: wrap-up 00:12 (ends in 18s)", DeskText.AgentState(_model));
    }

    [Fact]
    public void StateChanged_WithMissedOffersAndReason_StatusSaysBoth()
    {
        _model.OnStateChanged(State("break", missed: 3) with { Reason = "missed offers" });

        Assert.Equal("State: break (missed offers) 00:00 | missed 3", DeskText.AgentState(_model));
    }

    [Fact]
    public void ApplySnapshot_AfterReconnect_ReplacesWhatChangedWhileAway()
    {
        var gone = Offer();
        _model.OnOfferReceived(gone);
        var stillRinging = Offer();
        var conversation = new DeskConversation
        {
            ConversationId = Guid.NewGuid(),
            OfferId = Guid.NewGuid(),
            PatientName = "Li Lei",
            Messages = [new DeskSms(Guid.Empty, "SM1", "Hello", HubNow)],
        };

        _model.ApplySnapshot(new DeskSnapshot
        {
            UserName = "agent.li",
            DisplayName = "Agent Li",
            State = State("reserved", since: _time.GetUtcNow().AddSeconds(-30)),
            Ringing = [stillRinging],
            Conversations = [conversation],
            Dispositions = ["resolved", "callback-needed"],
        });

        Assert.Equal([stillRinging.OfferId], _model.Ringing.Select(o => o.OfferId));
        Assert.Equal("Agent Li", _model.DisplayName);
        Assert.Equal(["resolved", "callback-needed"], _model.Dispositions);
        Assert.Equal(TimeSpan.FromSeconds(30), _model.TimeInState);
        Assert.Equal("Li Lei", Assert.Single(_model.Conversations).PatientName);
    }

    [Fact]
    public void ApplySnapshot_SameStateAgain_KeepsCountingFromTheFirstArrival()
    {
        var state = State("available");
        _model.OnStateChanged(state);
        _time.Advance(TimeSpan.FromSeconds(40));

        _model.ApplySnapshot(new DeskSnapshot { UserName = "a", DisplayName = "A", State = state });

        Assert.Equal(TimeSpan.FromSeconds(40), _model.TimeInState);
    }

    [Fact]
    public void SmsReceived_SameMessageTwice_IsShownOnce()
    {
        var conversationId = Guid.NewGuid();
        var sms = new DeskSms(conversationId, "SM42", "Can I come at 3?", HubNow);

        _model.OnSmsReceived(sms);
        _model.OnSmsReceived(sms);

        var conversation = Assert.Single(_model.Conversations);
        Assert.Equal(conversationId, conversation.ConversationId);
        Assert.Single(conversation.Messages);
        Assert.Contains("< Can I come at 3?", ScreenPopText.Conversations(_model));
    }

    [Fact]
    public void ShowResult_Failure_ShowsTheHubsReasonAndField()
    {
        _model.ShowResult("Transfer", DeskResult.Fail(DeskErrors.Invalid, "no such queue", "target"));

        Assert.Equal("Transfer failed: target: no such queue", _model.LastNotice!.Text);
        Assert.True(_model.LastNotice.IsError);
    }

    [Fact]
    public void ShowResult_FailureWithoutReason_ExplainsTheCode()
    {
        _model.ShowResult("Accept", new DeskResult { Ok = false, Error = DeskErrors.Conflict });

        Assert.Equal("Accept failed: someone changed it first; press R to refresh", _model.LastNotice!.Text);
    }

    [Fact]
    public void OnScreenPopRefreshed_RingingOffer_ShowsTheNewPop()
    {
        var offer = Offer(patient: null) with { };
        _model.OnOfferReceived(offer);
        var linked = offer.ScreenPop with { Patient = Patient("Zhang Wei") };

        _model.OnScreenPopRefreshed(offer.OfferId, linked);

        Assert.Equal("Zhang Wei", _model.ScreenPop!.Patient!.FullName);
    }
}
