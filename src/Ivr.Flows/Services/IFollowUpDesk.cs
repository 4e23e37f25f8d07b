namespace Ivr.Flows.Services;

/// <summary>Work the IVR leaves for staff: voicemails to listen to and act on.</summary>
public interface IFollowUpDesk
{
    /// <summary>Stores a voicemail as an open follow-up task; repeated for the same call and recording it changes nothing.</summary>
    Task<Guid> CreateVoicemailAsync(VoicemailTask voicemail, CancellationToken cancellationToken);
}

/// <summary>A voicemail: the call, the patient if known, the recording, and the category (queue) it was left for.</summary>
public sealed record VoicemailTask(
    string CallSid,
    Guid? PatientId,
    string CallerNumber,
    string RecordingUrl,
    int? DurationSeconds,
    string Category,
    string Language);
