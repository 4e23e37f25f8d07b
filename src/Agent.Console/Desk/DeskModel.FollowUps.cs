using AgentDesk.Contracts;

namespace AgentConsole.Desk;

/// <summary>The follow-up the agent opened from their call list (F): shown in the offer panel while no call rings or is in hand.</summary>
internal sealed partial class DeskModel
{
    public DeskFollowUpDetail? FollowUp { get; private set; }

    /// <summary>The follow-up's screen-pop, when it is what the offer panel shows (no offer ringing, no call in hand).</summary>
    public DeskScreenPop? FollowUpScreenPop => FollowUp is { } open && RingingOffer is null && Call is null ? open.ScreenPop : null;

    public void OnFollowUpOpened(DeskFollowUpDetail followUp)
    {
        FollowUp = followUp;
        Raise();
    }

    public void CloseFollowUp()
    {
        FollowUp = null;
        Raise();
    }
}
