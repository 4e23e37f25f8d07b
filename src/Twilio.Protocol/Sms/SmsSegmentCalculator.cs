using System.Globalization;

namespace Twilio.Protocol.Sms;

/// <summary>
/// Counts the segments an SMS body is sent in, as carriers and Twilio bill it: GSM-7 holds 160 septets in one
/// segment or 153 per part once split; UCS-2 holds 70 code units, or 67 per part. A character is never split
/// across parts (an escape pair, an emoji's surrogate pair, a combined emoji), so a part can end a little short.
/// </summary>
public sealed class SmsSegmentCalculator
{
    public const int Gsm7Single = 160;
    public const int Gsm7PerPart = 153;
    public const int Ucs2Single = 70;
    public const int Ucs2PerPart = 67;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An injected service: callers take it from DI.")]
    public SmsSegments Calculate(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var characters = Split(body);
        var encoding = characters.TrueForAll(c => c.Length == 1 && GsmAlphabet.Septets(c[0]) > 0) ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2;
        var costs = characters.ConvertAll(c => encoding == SmsEncoding.Gsm7 ? GsmAlphabet.Septets(c[0]) : c.Length);
        var total = costs.Sum();

        var (single, perPart) = encoding == SmsEncoding.Gsm7 ? (Gsm7Single, Gsm7PerPart) : (Ucs2Single, Ucs2PerPart);
        return new SmsSegments(encoding, total <= single ? 1 : Parts(costs, perPart), total);
    }

    private static int Parts(List<int> costs, int perPart)
    {
        var parts = 1;
        var used = 0;
        foreach (var cost in costs)
        {
            if (used + cost > perPart && used > 0)
            {
                parts++;
                used = 0;
            }

            used += cost;
        }

        return parts;
    }

    // User-perceived characters (grapheme clusters); CR LF stays two, since GSM-7 has both.
    private static List<string> Split(string body)
    {
        var result = new List<string>(body.Length);
        var elements = StringInfo.GetTextElementEnumerator(body);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (element == "\r\n")
            {
                result.Add("\r");
                result.Add("\n");
            }
            else
            {
                result.Add(element);
            }
        }

        return result;
    }
}
