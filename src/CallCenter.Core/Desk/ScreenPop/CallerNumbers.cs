namespace CallCenter.Core.Desk.ScreenPop;

/// <summary>How a caller's number is shown to an agent who does not know (or may not see) who is calling.</summary>
public static class CallerNumbers
{
    /// <summary>Keeps the country code and the last four digits: +8613812345678 shows as +86 138****5678.</summary>
    public static string Mask(string? e164)
    {
        if (string.IsNullOrWhiteSpace(e164))
        {
            return "withheld";
        }

        var number = e164.Trim();
        if (number.StartsWith("+86", StringComparison.Ordinal) && number.Length == 14)
        {
            return $"+86 {number[3..6]}****{number[^4..]}";
        }

        return number.Length <= 6 ? "****" : $"{number[..Math.Min(4, number.Length - 4)]}****{number[^4..]}";
    }
}
