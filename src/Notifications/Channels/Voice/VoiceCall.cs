namespace Notifications.Channels.Voice;

/// <summary>A call the voice channel placed for an outbox row, as <c>voice_call</c> keeps it.</summary>
public sealed record VoiceCall
{
    public required string CallSid { get; init; }
    public required Guid NotificationId { get; init; }
    public required string Status { get; init; }
    public string? AnsweredBy { get; init; }

    /// <summary>What the patient pressed: confirmed, cancelled, no-input or failed; written once.</summary>
    public string? Answer { get; init; }

    /// <summary>The call ended unanswered and its row was sent again: not the row's current call.</summary>
    public bool Retried { get; init; }

    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
}
