namespace Notifications.Rules;

/// <summary>
/// When messages may arrive, in the patient's local time: from <see cref="Start"/> to <see cref="End"/> ("24:00" for
/// the end of the day), and whether holidays are closed for the purpose.
/// </summary>
public sealed class QuietHoursWindow
{
    public string Start { get; set; } = "08:00";

    public string End { get; set; } = "21:00";

    /// <summary>Whether the holidays list closes this window too (a reminder for a visit on a holiday may set false).</summary>
    public bool ClosedOnHolidays { get; set; } = true;
}
