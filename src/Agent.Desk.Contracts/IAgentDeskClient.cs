namespace AgentDesk.Contracts;

/// <summary>
/// What the hub pushes to an agent's desk (server to client). Method names are the SignalR method names, so a
/// client registers handlers with <c>nameof(IAgentDeskClient.OfferReceived)</c>.
/// </summary>
public interface IAgentDeskClient
{
    /// <summary>A call or SMS conversation rings at this agent, with everything the agent needs to answer it.</summary>
    Task OfferReceived(DeskOffer offer);

    /// <summary>The offer stopped ringing without being taken here: rang out, the caller hung up, it was declined.</summary>
    Task OfferWithdrawn(OfferWithdrawn withdrawn);

    /// <summary>The caller and the agent's phone are connected: once per call and agent, when the agent's leg answers.</summary>
    Task CallConnected(DeskCall connected);

    /// <summary>The call in the agent's hand was put on hold or taken off it (<see cref="DeskCall.OnHold"/> says which).</summary>
    Task CallHoldChanged(DeskCall held);

    /// <summary>The agent's call ended; wrap-up follows.</summary>
    Task CallEnded(DeskCallEnded ended);

    /// <summary>The agent's state changed (by the agent, by routing, by a timer or on another device).</summary>
    Task StateChanged(DeskAgentState state);

    /// <summary>A patient wrote in a conversation the agent holds.</summary>
    Task SmsReceived(DeskSms sms);

    /// <summary>A queue's figure crossed a wallboard threshold (supervisors and admins only).</summary>
    Task AlertRaised(DeskAlert alert);

    /// <summary>A supervisor signed this agent out; the connection closes after this and the token no longer works.</summary>
    Task SignedOut(DeskSignedOut signedOut);
}
