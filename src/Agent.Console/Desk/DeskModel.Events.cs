using AgentDesk.Contracts;

namespace AgentConsole.Desk;

/// <summary>The hub's pushes (<see cref="IAgentDeskClient"/>), each applied to the model as it arrives.</summary>
internal sealed partial class DeskModel
{
    public void OnOfferReceived(DeskOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        _ringing.RemoveAll(o => o.OfferId == offer.OfferId);
        AddOffer(offer);
        Raise();
    }

    public void OnOfferWithdrawn(OfferWithdrawn withdrawn)
    {
        ArgumentNullException.ThrowIfNull(withdrawn);
        if (_ringing.RemoveAll(o => o.OfferId == withdrawn.OfferId) > 0)
        {
            Notice($"The offer stopped ringing: {DeskText.WithdrawnReason(withdrawn.Reason)}.", isError: withdrawn.Reason == "rang-out");
        }

        _ringsOutAt.Remove(withdrawn.OfferId);
        Raise();
    }

    public void OnCallConnected(DeskCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _ringing.RemoveAll(o => o.OfferId == call.OfferId);
        Call = call;
        LastOfferId = call.OfferId;
        WrapUpCallSid = null;
        Raise();
    }

    /// <summary>Hold or resume of the call in hand (from this desk or another device of the agent's).</summary>
    public void OnCallHoldChanged(DeskCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (Call?.CallSid == call.CallSid)
        {
            Call = Call with { OnHold = call.OnHold };
            Raise();
        }
    }

    public void OnCallEnded(DeskCallEnded ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        if (Call?.CallSid == ended.CallSid)
        {
            Call = null;
        }

        WrapUpCallSid = ended.CallSid;
        Notice($"The call ended ({DeskText.EndReason(ended.Reason)}, {ended.TalkSeconds}s talk). Press W to wrap up.", isError: false);
        Raise();
        WrapUpDue?.Invoke(ended.CallSid);
    }

    public void OnStateChanged(DeskAgentState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        SetState(state, fromPush: true);
        if (state.State != "wrap-up")
        {
            WrapUpCallSid = null;
        }

        Raise();
    }

    public void OnSmsReceived(DeskSms sms)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var conversation = _conversations.Find(c => c.ConversationId == sms.ConversationId);
        if (conversation is null)
        {
            conversation = new ConversationView(sms.ConversationId, null, null, null);
            _conversations.Add(conversation);
        }

        conversation.Add(sms);
        Raise();
    }

    /// <summary>A wallboard alert (the hub sends them to supervisors' and admins' desks only): shown as the notice line.</summary>
    public void OnAlertRaised(DeskAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        Notice(AlertText.Line(alert), isError: alert.Level != "normal");
        Raise();
    }

    /// <summary>A supervisor signed this agent out: the hub closes the connection next and refuses the token after it.</summary>
    public void OnSignedOut(DeskSignedOut signedOut)
    {
        ArgumentNullException.ThrowIfNull(signedOut);
        Notice($"Signed out by supervisor {signedOut.By}. Start the console again to sign in.", isError: true);
        Raise();
    }

    /// <summary>The agent's own callbacks (M): shown in place of the recent interactions until M again.</summary>
    public void OnCallbacks(IReadOnlyList<DeskCallback> callbacks)
    {
        Callbacks = callbacks;
        Raise();
    }

    public void HideCallbacks()
    {
        Callbacks = null;
        Raise();
    }

    /// <summary>The screen-pop the hub sent again (after linking a caller, booking, or on R).</summary>
    public void OnScreenPopRefreshed(Guid offerId, DeskScreenPop? screenPop)
    {
        if (screenPop is not null)
        {
            _screenPops[offerId] = screenPop;
            var index = _ringing.FindIndex(o => o.OfferId == offerId);
            if (index >= 0)
            {
                _ringing[index] = _ringing[index] with { ScreenPop = screenPop };
            }
        }

        Raise();
    }
}
