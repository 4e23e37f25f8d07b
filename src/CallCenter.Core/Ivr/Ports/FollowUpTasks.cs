using CallCenter.Core.Common;
using CallCenter.Core.FollowUps;
using Ivr.Flows.Services;

namespace CallCenter.Core.Ivr.Ports;

/// <summary>Voicemails become open follow-up tasks; a redelivered recording webhook stores nothing new.</summary>
internal sealed class FollowUpTasks(IFollowUpRepository followUps, TimeProvider time) : IFollowUps
{
    public Task<Guid> CreateVoicemailAsync(VoicemailTask voicemail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(voicemail);
        return followUps.AddAsync(
            new FollowUp
            {
                Id = Ids.New(time),
                Kind = FollowUpKinds.Voicemail,
                CallSid = voicemail.CallSid,
                PatientId = voicemail.PatientId,
                CallerNumber = voicemail.CallerNumber,
                RecordingUrl = voicemail.RecordingUrl,
                DurationSeconds = voicemail.DurationSeconds,
                Category = voicemail.Category,
                Language = voicemail.Language,
                Status = FollowUpStatuses.Open,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            },
            cancellationToken);
    }
}
