using AgentConsole.Desk;
using AgentDesk.Contracts;
using Microsoft.Extensions.Time.Testing;
using static Agent.Console.Tests.Desk.DeskSamples;

namespace Agent.Console.Tests.Desk;

public sealed class DeskModelTests
{
    // The console's clock is hours away from the hub's: durations must not depend on the two agreeing.
    private readonly FakeTimeProvider _time = new(HubNow.AddHours(7).AddMinutes(13));
    private readonly DeskModel _model;
    private int _changes;

    public DeskModelTests()
    {
        _model = new DeskModel(_time, new Uri("http://hub.test:5080"), TimeZoneInfo.Utc);
        _model.Changed += () => _changes++;
    }

    [Fact]
    public void OfferReceived_Ringing_CountsDownItsOwnRingTimeOnTheConsoleClock()
    {
        var offer = Offer(ringSeconds: 20);

        _model.OnOfferReceived(offer);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Same(offer, _model.RingingOffer);
        Assert.Equal(15, _model.SecondsToRingOut(offer.OfferId));
        Assert.Same(offer.ScreenPop, _model.ScreenPop);
        Assert.Equal(offer.OfferId, _model.ActiveOfferId);
        Assert.Equal(1, _changes);
    }

    [Fact]
    public void OfferReceived_AfterItsRingTime_CountdownStopsAtZero()
    {
        var offer = Offer(ringSeconds: 3);
        _model.OnOfferReceived(offer);

        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, _model.SecondsToRingOut(offer.OfferId));
    }

    [Fact]
    public void OfferWithdrawn_RangOut_RemovesOfferAndSaysWhyAsAnError()
    {
        var offer = Offer();
        _model.OnOfferReceived(offer);

        _model.OnOfferWithdrawn(new OfferWithdrawn(offer.OfferId, "rang-out"));

        Assert.Null(_model.RingingOffer);
        Assert.Contains("not answered in time", _model.LastNotice!.Text, StringComparison.Ordinal);
        Assert.True(_model.LastNotice.IsError);
    }

    [Fact]
    public void OfferWithdrawn_UnknownOffer_ChangesNothingShown()
    {
        _model.OnOfferWithdrawn(new OfferWithdrawn(Guid.NewGuid(), "caller-left"));

        Assert.Null(_model.LastNotice);
    }

    [Fact]
    public void CallConnected_AfterOffer_KeepsTheOffersScreenPopAndStopsRinging()
    {
        var offer = Offer();
        _model.OnOfferReceived(offer);

        _model.OnCallConnected(Call(offer, HubNow));

        Assert.Null(_model.RingingOffer);
        Assert.Equal(offer.CallSid, _model.Call!.CallSid);
        Assert.Same(offer.ScreenPop, _model.ScreenPop);
    }

    [Fact]
    public void CallEnded_TheCallInHand_OwesWrapUpAndAsksForTheForm()
    {
        var offer = Offer();
        _model.OnOfferReceived(offer);
        _model.OnCallConnected(Call(offer, HubNow));
        string? due = null;
        _model.WrapUpDue += callSid => due = callSid;

        _model.OnCallEnded(new DeskCallEnded(offer.CallSid!, "caller-hung-up", 95, HubNow.AddSeconds(30)));

        Assert.Null(_model.Call);
        Assert.Equal(offer.CallSid, _model.WrapUpCallSid);
        Assert.Equal(offer.CallSid, due);
        Assert.Same(offer.ScreenPop, _model.ScreenPop);
        Assert.Contains("the caller hung up", _model.LastNotice!.Text, StringComparison.Ordinal);
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
