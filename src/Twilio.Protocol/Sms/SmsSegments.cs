namespace Twilio.Protocol.Sms;

/// <summary>
/// What a body costs to send. <see cref="Characters"/> is counted the way the limits count: GSM-7 septets
/// (extension characters such as € count 2) or UTF-16 code units for UCS-2 (an emoji counts 2).
/// </summary>
public sealed record SmsSegments(SmsEncoding Encoding, int Segments, int Characters);
