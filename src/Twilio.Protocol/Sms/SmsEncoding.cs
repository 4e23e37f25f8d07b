namespace Twilio.Protocol.Sms;

/// <summary>How an SMS body travels: the 7-bit GSM alphabet, or UCS-2 as soon as one character is outside it.</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
