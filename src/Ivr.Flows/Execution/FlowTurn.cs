namespace Ivr.Flows.Execution;

/// <summary>
/// The result of one webhook: the answer to send (TwiML for a call; replies for an SMS), the session to store,
/// whether the webhook moved the flow (a repeated or stale webhook gets the last answer and changes nothing), and
/// what happened in the turn as typed <see cref="Events"/> (empty when nothing changed) for the hub to act on.
/// </summary>
public sealed record FlowTurn(FlowSession Session, string Twiml, IReadOnlyList<string> SmsReplies, bool Changed, IReadOnlyList<TurnEvent> Events);
