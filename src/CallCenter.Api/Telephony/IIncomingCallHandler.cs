using CallCenter.Core.Calls;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Telephony;

/// <summary>
/// What the caller hears: the TwiML answer to an incoming call, after the hub has recorded it. The IVR replaces
/// the default greeting with <c>services.Replace(ServiceDescriptor.Singleton&lt;IIncomingCallHandler, ...&gt;())</c>
/// (the default is added with TryAdd). Twilio waits on this answer with the caller in
/// silence, so it must be quick.
/// </summary>
internal interface IIncomingCallHandler
{
    /// <summary>The TwiML document to answer with (text, because the IVR answers with the engine's rendered TwiML).</summary>
    Task<string> AnswerAsync(IncomingCallContext call, CancellationToken cancellationToken);
}

/// <summary>The webhook as Twilio sent it, and what the hub recorded (the call, the patient caller ID found).</summary>
internal sealed record IncomingCallContext(VoiceRequest Request, IncomingCallResult Recorded);
