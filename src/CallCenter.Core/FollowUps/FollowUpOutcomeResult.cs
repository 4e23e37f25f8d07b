using CallCenter.Core.Patients;

namespace CallCenter.Core.FollowUps;

public enum FollowUpOutcomeStatus
{
    Recorded,
    Invalid,
    NotFound,

    /// <summary>Already done or closed, or another attempt was recorded first.</summary>
    Conflict,
}

/// <summary>The outcome of recording an attempt, with the follow-up as it now stands.</summary>
public sealed record FollowUpOutcomeResult(FollowUpOutcomeStatus Status, FollowUp? FollowUp = null, IReadOnlyList<FieldError>? Errors = null);
