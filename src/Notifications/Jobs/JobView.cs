namespace Notifications.Jobs;

/// <summary>One job as the admin sees it: its schedule, when it fires, how it last ended, whether it runs now.</summary>
public sealed record JobView
{
    public required string Group { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary><c>cron &lt;expression&gt; (&lt;zone&gt;)</c>, <c>every &lt;interval&gt;</c>, <c>once</c>, or null with no trigger.</summary>
    public string? Schedule { get; init; }

    /// <summary>RunOnceNow or SkipToNext for the hub's recurring jobs; null for a job declared elsewhere.</summary>
    public string? MisfirePolicy { get; init; }

    public DateTimeOffset? NextFireTime { get; init; }
    public DateTimeOffset? PreviousFireTime { get; init; }
    public bool Paused { get; init; }
    public string? LastOutcome { get; init; }
    public DateTime? LastOutcomeAt { get; init; }
    public string? LastError { get; init; }
    public bool Running { get; init; }
    public DateTime? RunningSince { get; init; }
    public string? RunningNode { get; init; }
    public int? Progress { get; init; }
    public string? ProgressNote { get; init; }
}
