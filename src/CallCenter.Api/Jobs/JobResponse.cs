using Notifications.Jobs;

namespace CallCenter.Api.Jobs;

/// <summary>One job as <c>GET /api/jobs</c> shows it.</summary>
internal sealed record JobResponse(
    string Group,
    string Name,
    string? Description,
    string? Schedule,
    string? MisfirePolicy,
    DateTimeOffset? NextFireTime,
    DateTimeOffset? PreviousFireTime,
    bool Paused,
    JobLastOutcome? LastOutcome,
    JobRunningNow? RunningNow)
{
    public static JobResponse From(JobView job) => new(
        job.Group,
        job.Name,
        job.Description,
        job.Schedule,
        job.MisfirePolicy,
        job.NextFireTime,
        job.PreviousFireTime,
        job.Paused,
        job.LastOutcome is null ? null : new JobLastOutcome(job.LastOutcome, job.LastOutcomeAt, job.LastError),
        job.Running ? new JobRunningNow(job.RunningSince, job.RunningNode, job.Progress, job.ProgressNote) : null);
}

/// <summary>How the job's latest finished run ended: succeeded, failed (with the error's type and message), cancelled or abandoned.</summary>
internal sealed record JobLastOutcome(string Outcome, DateTime? At, string? Error);

/// <summary>A run open now: since when, on which node, and how far it says it has got (percent and a short note).</summary>
internal sealed record JobRunningNow(DateTime? Since, string? Node, int? Progress, string? Note);
