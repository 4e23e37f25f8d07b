using CallCenter.Core.Cases;
using CallCenter.Core.Common;
using CallCenter.Core.FollowUps;
using Ivr.Flows.Services;

namespace CallCenter.Core.Ivr.Ports;

/// <summary>
/// Voicemails become open follow-up tasks; a redelivered recording webhook stores nothing new. A voicemail in the
/// complaints branch (<c>Cases:VoicemailCategories</c>) also opens a complaint case, once per call.
/// </summary>
internal sealed class FollowUpTasks(IFollowUpRepository followUps, CaseIntake cases, TimeProvider time) : IFollowUps
{
    public async Task<Guid> CreateVoicemailAsync(VoicemailTask voicemail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(voicemail);
        var id = await followUps.AddAsync(
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
        await cases.FromVoicemailAsync(
            voicemail.CallSid, voicemail.PatientId, voicemail.CallerNumber, voicemail.Category, voicemail.RecordingUrl, cancellationToken);
        return id;
    }
}
