namespace Ivr.Flows.Execution;

/// <summary>
/// The result of one webhook: the answer to send (TwiML for a call; replies for an SMS), the session to store, and
/// whether the webhook moved the flow (a repeated or stale webhook gets the last answer and changes nothing).
/// </summary>
public sealed record FlowTurn(FlowSession Session, string Twiml, IReadOnlyList<string> SmsReplies, bool Changed);
