namespace Twilio.Protocol.Sms;

/// <summary>How an SMS body travels: the 7-bit GSM alphabet, or UCS-2 as soon as one character is outside it.</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}

/// <summary>
/// What a body costs to send. <see cref="Characters"/> is counted the way the limits count: GSM-7 septets
/// (extension characters such as € count 2) or UTF-16 code units for UCS-2 (an emoji counts 2).
/// </summary>
public sealed record SmsSegments(SmsEncoding Encoding, int Segments, int Characters);
