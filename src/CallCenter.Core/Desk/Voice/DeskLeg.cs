using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Core.Desk.Voice;

/// <summary>Which Dial of which offer a webhook is about, with what its TwiML needs (from the signed query string).</summary>
public sealed record DeskLeg(Guid OfferId, string Queue, string Language, int Leg);
