using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Callbacks;

/// <summary>Dialling callbacks (section <c>Callbacks</c>).</summary>
public sealed class CallbackOptions
{
    public const string SectionName = "Callbacks";

    /// <summary>Dials per callback before it is given to a person as a follow-up task.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How long after a busy, unanswered, machine-answered or failed dial the next one is due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Callbacks one job run claims at a time (it claims again until none is due).</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>A claim older than this (its job run died before deciding) may be claimed again.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the callback job looks for due callbacks.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A dial in flight this long without its final status (the status callback was lost) is looked up at the carrier
    /// and ended as the carrier says; a call still going is looked at again this long after.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "1.00:00:00")]
    public TimeSpan DialCheckAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the dial check runs (the <c>callbacks/callback-dial-check</c> job).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan DialCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the patient's phone rings before the dial counts as unanswered (Twilio's Timeout).</summary>
    [Range(5, 120)]
    public int RingSeconds { get; set; } = 30;

    /// <summary>Who is calling, as a customer-first callback says it on answer (Mandarin, English).</summary>
    [MaxLength(100)]
    public string CallerName { get; set; } = "医院服务中心";

    [MaxLength(100)]
    public string CallerNameEn { get; set; } = "the hospital's patient service centre";
}
