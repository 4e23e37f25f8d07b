using Notifications.Outbox;

namespace Notifications.Templates;

/// <summary>The variables each purpose's templates may use, and the sample values a preview renders with.</summary>
public static class TemplateVariables
{
    private static readonly string[] Appointment = ["patientName", "hospitalName", "appointmentTime", "doctorName", "department"];

    private static readonly Dictionary<string, string[]> ByPurpose = new(StringComparer.Ordinal)
    {
        [NotificationPurposes.AppointmentConfirmation] = Appointment,
        [NotificationPurposes.AppointmentReminder] = Appointment,
        [NotificationPurposes.WaitlistOffer] = [.. Appointment, "offerMinutes"],
        [NotificationPurposes.NoShow] = [.. Appointment, "hospitalPhone"],
        [NotificationPurposes.Survey] = ["patientName", "hospitalName", "surveyQuestion"],
        [NotificationPurposes.OpsReport] = ["hospitalName", "reportDate", "summary"],
    };

    private static readonly Dictionary<string, Dictionary<string, string>> Samples = new(StringComparer.Ordinal)
    {
        ["zh-CN"] = new(StringComparer.Ordinal)
        {
            ["patientName"] = "张伟", ["hospitalName"] = "示范医院", ["appointmentTime"] = "12月8日 09:30", ["doctorName"] = "李娜",
            ["department"] = "心内科", ["offerMinutes"] = "30", ["hospitalPhone"] = "010-12345678", ["surveyQuestion"] = "您对本次就诊满意吗？请回复1-5分。",
            ["reportDate"] = "2026-12-07", ["summary"] = "提醒 120，确认 80，取消 10，爽约 5，候补 3",
        },
        ["en-US"] = new(StringComparer.Ordinal)
        {
            ["patientName"] = "Wei Zhang", ["hospitalName"] = "Demo Hospital", ["appointmentTime"] = "Dec 8, 09:30", ["doctorName"] = "Li Na",
            ["department"] = "Cardiology", ["offerMinutes"] = "30", ["hospitalPhone"] = "010-12345678", ["surveyQuestion"] = "How was your visit? Reply 1-5.",
            ["reportDate"] = "2026-12-07", ["summary"] = "reminders 120, confirmed 80, cancelled 10, no-shows 5, waitlist fills 3",
        },
    };

    /// <summary>The variables of a purpose; empty for an unknown purpose.</summary>
    public static IReadOnlyList<string> For(string purpose) => ByPurpose.TryGetValue(purpose, out var names) ? names : [];

    public static IReadOnlyDictionary<string, string> SamplesFor(string language) => Samples.TryGetValue(language, out var values) ? values : Samples["en-US"];
}
