namespace Ivr.Flows.Sms;

/// <summary>
/// Reads a patient's answer to an appointment message: 1, Y, OK, 确认... confirm; 2, N, NO, 取消... cancel.
/// CANCEL on its own is an opt-out keyword (Twilio stops all messages), so it never reaches here; "取消" does.
/// </summary>
public static class ReplyWords
{
    public static IReadOnlyList<string> DefaultConfirm { get; } = ["1", "Y", "YES", "OK", "CONFIRM", "确认", "是", "好"];

    public static IReadOnlyList<string> DefaultCancel { get; } = ["2", "N", "NO", "取消", "否", "不"];

    /// <summary>True when <paramref name="body"/> is one of <paramref name="words"/>, ignoring case, spaces and end punctuation.</summary>
    public static bool Matches(string? body, IEnumerable<string> words)
    {
        var answer = Normalize(body);
        return answer.Length > 0 && words.Any(w => string.Equals(Normalize(w), answer, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A 0-10 score when the whole answer is that number (full-width digits too), else null.</summary>
    public static int? Score(string? body)
    {
        var answer = Normalize(body);
        var digits = new string(answer.Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c).ToArray());
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var score)
            && score is >= 0 and <= 10 ? score : null;
    }

    private static string Normalize(string? body) =>
        (body ?? string.Empty).Trim().TrimEnd('.', '!', '。', '！', ',', '，').Trim();
}
