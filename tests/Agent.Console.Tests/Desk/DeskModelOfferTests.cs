using AgentConsole.Desk;
using AgentDesk.Contracts;
using Microsoft.Extensions.Time.Testing;
using static Agent.Console.Tests.Desk.DeskSamples;

namespace Agent.Console.Tests.Desk;

public sealed class DeskModelOfferTests
{
    // The console's clock is hours away from the hub's: durations must not depend on the two agreeing.
    private readonly FakeTimeProvider _time = new(HubNow.AddHours(7).AddMinutes(13));
    private readonly DeskModel _model;
    private int _changes;

    public DeskModelOfferTests()
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
}
