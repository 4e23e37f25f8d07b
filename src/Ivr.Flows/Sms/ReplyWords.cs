namespace Ivr.Flows.Sms;

/// <summary>
/// Reads a patient's answer to an appointment message or a waitlist offer: 1, Y, YES, 确认... confirm (or take the
/// offer); 2, N, NO, CANCEL, 取消... cancel (or decline). Trimmed, case- and width-insensitive: "１", "ｙｅｓ" and
/// "Yes!" read as 1 and YES. CANCEL is also a carrier opt-out keyword: the keyword handler withdraws SMS consent as
/// the carrier does and, when an appointment awaits an answer, lets it cancel that appointment too.
/// </summary>
public static class ReplyWords
{
    public static IReadOnlyList<string> DefaultConfirm { get; } = ["1", "Y", "YES", "OK", "CONFIRM", "确认", "是", "好"];

    public static IReadOnlyList<string> DefaultCancel { get; } = ["2", "N", "NO", "CANCEL", "取消", "否", "不"];

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

    // NFKC folds full-width letters, digits and punctuation (ＹＥＳ, １, ！) to their ASCII forms.
    private static string Normalize(string? body) =>
        (body ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC).Trim().TrimEnd('.', '!', '。', ',', '，').Trim();
}
