using Twilio.Protocol.Sms;

namespace Carrier.Simulator.Messaging;

/// <summary>SMS facts the carrier applies: segment counts and Twilio's Advanced Opt-Out keywords.</summary>
internal static class SmsText
{
    private static readonly SmsSegmentCalculator Calculator = new();

    private static readonly HashSet<string> OptOutWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
    };

    private static readonly HashSet<string> OptInWords = new(StringComparer.OrdinalIgnoreCase) { "START", "YES", "UNSTOP" };

    public static bool IsOptOut(string body) => OptOutWords.Contains(body.Trim());

    public static bool IsOptIn(string body) => OptInWords.Contains(body.Trim());

    /// <summary>Segments as Twilio counts them (the calculator is checked against Twilio's reference).</summary>
    public static int Segments(string body) => Calculator.Calculate(body).Segments;
}
