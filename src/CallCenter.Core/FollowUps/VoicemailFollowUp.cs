namespace CallCenter.Core.FollowUps;

/// <summary>Work left for staff (<see cref="FollowUpKinds"/>): a voicemail, a service-recovery task opened by a low survey score.</summary>
public sealed record FollowUp
{
    public required Guid Id { get; init; }
    public required string Kind { get; init; }
    public required string CallSid { get; init; }
    public Guid? PatientId { get; init; }
    public required string CallerNumber { get; init; }
    public required string RecordingUrl { get; init; }
    public int? DurationSeconds { get; init; }
    public required string Category { get; init; }
    public required string Language { get; init; }
    public required string Status { get; init; }
    public required DateTime CreatedAt { get; init; }

    /// <summary>The survey invitation whose low score opened it (service recovery).</summary>
    public Guid? SurveyInvitationId { get; init; }

    /// <summary>A short context for staff (no free text from the patient).</summary>
    public string? Note { get; init; }

    public string? QueueName { get; init; }

    public Guid? DepartmentId { get; init; }

    /// <summary>When it should be worked; null: at once (a voicemail, a service-recovery task).</summary>
    public DateTime? DueAt { get; init; }

    /// <summary>The consultant it is assigned to; null: whoever works <see cref="QueueName"/>.</summary>
    public Guid? AssignedUserId { get; init; }

    /// <summary>The completed visit a plan step follows up.</summary>
    public Guid? AppointmentId { get; init; }

    public int? PlanStep { get; init; }

    /// <summary>The questionnaire of a plan call (a survey's key).</summary>
    public string? SurveyKey { get; init; }

    /// <summary>The last outcome recorded (<see cref="FollowUpOutcomes"/>).</summary>
    public string? Outcome { get; init; }

    public int? Attempts { get; init; }

    public DateTime? CompletedAt { get; init; }
}
