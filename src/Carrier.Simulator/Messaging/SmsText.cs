namespace Carrier.Simulator.Messaging;

/// <summary>SMS facts the carrier applies: segment counts and Twilio's Advanced Opt-Out keywords.</summary>
internal static class SmsText
{
    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Gsm7Extended = "^{}\\[~]|€\f";

    private static readonly HashSet<string> OptOutWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
    };

    private static readonly HashSet<string> OptInWords = new(StringComparer.OrdinalIgnoreCase) { "START", "YES", "UNSTOP" };

    public static bool IsOptOut(string body) => OptOutWords.Contains(body.Trim());

    public static bool IsOptIn(string body) => OptInWords.Contains(body.Trim());

    /// <summary>GSM-7: 160 in one segment, 153 each when split; anything else makes it UCS-2: 70, then 67.</summary>
    public static int Segments(string body)
    {
        if (body.Length == 0)
        {
            return 1;
        }

        var isGsm = body.All(c => Gsm7Basic.Contains(c, StringComparison.Ordinal) || Gsm7Extended.Contains(c, StringComparison.Ordinal));
        if (isGsm)
        {
            var septets = body.Sum(c => Gsm7Extended.Contains(c, StringComparison.Ordinal) ? 2 : 1);
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }

        return body.Length <= 70 ? 1 : (body.Length + 66) / 67;
    }
}
