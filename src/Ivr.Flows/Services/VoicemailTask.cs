namespace Ivr.Flows.Services;

/// <summary>A voicemail: the call, the patient if known, the recording, and the category (queue) it was left for.</summary>
public sealed record VoicemailTask(
    string CallSid,
    Guid? PatientId,
    string CallerNumber,
    string RecordingUrl,
    int? DurationSeconds,
    string Category,
    string Language);
