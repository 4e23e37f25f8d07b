namespace Ivr.Flows.Services;

/// <summary>Work the IVR leaves for staff: voicemails to listen to and act on.</summary>
public interface IFollowUps
{
    /// <summary>Stores a voicemail as an open follow-up task; repeated for the same call and recording it changes nothing.</summary>
    Task<Guid> CreateVoicemailAsync(VoicemailTask voicemail, CancellationToken cancellationToken);
}
