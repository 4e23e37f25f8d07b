namespace CallCenter.Core.Surveys;

/// <summary>Something that may send a survey: what happened, to whom, and what it is tied to.</summary>
public sealed record SurveyRequest
{
    public required string TriggerKind { get; init; }

    /// <summary>What caused it, unique (<c>desk-call:{callSid}</c>): a repeat sends nothing.</summary>
    public required string SourceKey { get; init; }

    public required Guid PatientId { get; init; }

    /// <summary>For a desk call: the channel whose triggers match (<see cref="SurveyChannels"/>).</summary>
    public string Channel { get; init; } = SurveyChannels.Sms;

    public string? CallSid { get; init; }
    public Guid? AgentId { get; init; }
    public string? QueueName { get; init; }
    public Guid? DepartmentId { get; init; }
    public Guid? DoctorId { get; init; }
    public Guid? AppointmentId { get; init; }
    public Guid? FollowUpId { get; init; }

    /// <summary>A given survey (a follow-up plan's step), sent at <see cref="At"/> whatever its triggers; null: the first whose trigger matches.</summary>
    public string? SurveyKey { get; init; }

    /// <summary>When it happened; the trigger's delay counts from here.</summary>
    public required DateTime At { get; init; }
}
