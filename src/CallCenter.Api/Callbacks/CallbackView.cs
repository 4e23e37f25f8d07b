using CallCenter.Core.Callbacks;

namespace CallCenter.Api.Callbacks;

/// <summary>A callback as the API shows it (no claim internals).</summary>
internal sealed record CallbackView(
    Guid Id,
    string Queue,
    string Mode,
    string Source,
    string Status,
    Guid? PatientId,
    string Number,
    string Language,
    DateTime? DueAt,
    string? Reason,
    Guid? AgentId,
    int Attempts,
    string? LastOutcome,
    DateTime CreatedAt)
{
    public static CallbackView Of(Callback callback) => new(
        callback.Id,
        callback.QueueName,
        callback.CallbackMode ?? CallbackModes.AgentFirst,
        callback.Source,
        callback.Status,
        callback.PatientId,
        callback.Number,
        callback.Language,
        callback.DueAt,
        callback.Reason,
        callback.AgentId,
        callback.Attempts,
        callback.LastOutcome,
        callback.CreatedAt);
}
