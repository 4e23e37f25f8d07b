using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Reminders;

/// <summary>Settings of visit reminders, no-shows and waitlist offers (section <c>Reminders</c>).</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>Minutes after the start before an appointment not checked in is a no-show, for departments without their own.</summary>
    [Range(0, 24 * 60)]
    public int DefaultNoShowGraceMinutes { get; set; } = 20;

    /// <summary>How long a waitlist offer may be accepted, for departments without their own.</summary>
    [Range(1, 24 * 60)]
    public int DefaultWaitlistOfferMinutes { get; set; } = 30;

    /// <summary>A patient with this many no-shows within <see cref="NoShowFlagDays"/> is flagged.</summary>
    [Range(1, 100)]
    public int NoShowFlagCount { get; set; } = 3;

    [Range(1, 3650)]
    public int NoShowFlagDays { get; set; } = 90;

    /// <summary>How many waiting patients are offered each freed place at once; the first to accept gets it.</summary>
    [Range(1, 50)]
    public int WaitlistOffersPerPlace { get; set; } = 3;

    /// <summary>How long after an offer lapsed a "1" is still answered "this offer has expired" rather than passed to an agent.</summary>
    [Range(1, 24 * 7)]
    public int LapsedOfferAnswerHours { get; set; } = 24;

    /// <summary>The hospital's time zone (IANA): what "the same day" means for a waitlist.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Who gets the daily operations email at 07:00 (hospital time); none configured sends nothing.</summary>
    public List<string> DailyReportTo { get; set; } = [];

    /// <summary>The hospital's name in Chinese messages to patients (the templates' <c>{{hospitalName}}</c>).</summary>
    [Required]
    public string HospitalName { get; set; } = "医院";

    /// <summary>The hospital's name in English messages to patients.</summary>
    [Required]
    public string HospitalNameEn { get; set; } = "The hospital";

    /// <summary>The number patients call to book again (the no-show message's <c>{{hospitalPhone}}</c>).</summary>
    public string HospitalPhone { get; set; } = string.Empty;

    /// <summary>Appointments marked no-show per batch (the job runs batches until none are due).</summary>
    [Range(1, 10_000)]
    public int NoShowBatchSize { get; set; } = 200;
}
