using CallCenter.Core.Accounts;
using CallCenter.Core.Calls;
using CallCenter.Core.Surveys;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Cases;

/// <summary>
/// Opens the cases other features cause: a complaint disposition at the desk's wrap-up, and a voicemail left in the
/// IVR's complaints branch (<see cref="CaseOptions.EffectiveVoicemailCategories"/>). Each is idempotent by its origin
/// (a repeated wrap-up, a redelivered recording webhook) and never fails the work that caused it: a case that cannot
/// be opened is logged with the reason's field only.
/// </summary>
public sealed partial class CaseIntake(
    ComplaintCaseService cases, ICallRepository calls, IOptionsMonitor<CaseOptions> options, ILogger<CaseIntake> logger)
{
    /// <summary>True when <paramref name="disposition"/> is the one that opens a case (<c>Cases:DeskDisposition</c>).</summary>
    public bool OpensCase(string disposition) => string.Equals(disposition, options.CurrentValue.DeskDisposition, StringComparison.Ordinal);

    /// <summary>The disposition that opens a case (<c>Cases:DeskDisposition</c>).</summary>
    public string DeskDisposition => options.CurrentValue.DeskDisposition;

    /// <summary>The categories an agent may choose for a case opened at wrap-up, the default (<c>Cases:DeskCategory</c>) first.</summary>
    public IReadOnlyList<string> DeskCategories => DefaultFirst(options.CurrentValue.EffectiveCategories, options.CurrentValue.DeskCategory);

    /// <summary>The severities an agent may choose for a case opened at wrap-up, the default (<c>Cases:DeskSeverity</c>) first.</summary>
    public IReadOnlyList<string> DeskSeverities => DefaultFirst(CaseSeverities.All, options.CurrentValue.DeskSeverity);

    /// <summary>
    /// Opens (once) the case of a complaint disposition; its description is the agent's notes, its category and
    /// severity the agent's choice (checked by the caller against <see cref="DeskCategories"/> and
    /// <see cref="DeskSeverities"/>) or the settings' defaults. Null when none could be opened.
    /// </summary>
    public async Task<Guid?> FromWrapUpAsync(
        Actor agent, string callSid, Guid? patientId, string? notes, string? category = null, string? severity = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var settings = options.CurrentValue;
        string? number = null;
        if (patientId is null && await calls.FindBySidAsync(callSid, cancellationToken) is { } call)
        {
            number = call.Direction == "inbound" ? call.FromNumber : call.ToNumber;
        }

        var result = await cases.OpenAsync(agent, new CaseOpening
        {
            PatientId = patientId,
            CallerNumber = number,
            Category = category ?? settings.DeskCategory,
            Severity = severity ?? settings.DeskSeverity,
            Description = string.IsNullOrWhiteSpace(notes) ? "Complaint logged at wrap-up (no notes)." : notes,
            Source = CaseSources.Desk,
            OriginKey = $"desk:{callSid}:{agent.UserId:N}",
            CallSid = callSid,
        }, cancellationToken);
        return Opened(result, CaseSources.Desk);
    }

    /// <summary>Opens (once) the case of a voicemail in a complaints category; false for other categories.</summary>
    public async Task<Guid?> FromVoicemailAsync(string callSid, Guid? patientId, string callerNumber, string category, string recordingUrl, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        if (!settings.EffectiveVoicemailCategories.Contains(category, StringComparer.Ordinal))
        {
            return null;
        }

        var result = await cases.OpenAsync(Actor.Ivr, new CaseOpening
        {
            PatientId = patientId,
            CallerNumber = callerNumber,
            Category = settings.VoicemailCategory,
            Severity = settings.VoicemailSeverity,
            Description = "Complaint left as a voicemail in the IVR: " + recordingUrl,
            Source = CaseSources.Ivr,
            OriginKey = $"voicemail:{callSid}",
            CallSid = callSid,
        }, cancellationToken);
        return Opened(result, CaseSources.Ivr);
    }

    /// <summary>Opens (once per answer) the case of a low survey score, with what the survey was about.</summary>
    public async Task<Guid?> FromLowSurveyScoreAsync(LowSurveyScore score, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        var settings = options.CurrentValue;
        var result = await cases.OpenAsync(Actor.System, new CaseOpening
        {
            PatientId = score.PatientId,
            DepartmentId = score.DepartmentId,
            Category = settings.DeskCategory,
            Severity = settings.DeskSeverity,
            // The call is named, not linked: a survey after a desk call knows the agent's leg, which the call table may not hold.
            Description = $"Low survey score: {score.QuestionType} {score.Score} (survey {score.SurveyKey} v{score.SurveyVersion}, question {score.QuestionIndex + 1}, after {score.TriggerKind}{(score.CallSid is { } sid ? " call " + sid : string.Empty)}).",
            Source = CaseSources.Survey,
            OriginKey = $"survey:{score.InvitationId:N}:{score.QuestionIndex}",
        }, cancellationToken);
        return Opened(result, CaseSources.Survey);
    }

    private Guid? Opened(CaseResult<ComplaintCase> result, string source)
    {
        if (result.Outcome == CaseOutcome.Ok)
        {
            return result.Value!.Id;
        }

        LogNotOpened(logger, source, result.Outcome, string.Join(",", result.Errors.Keys));
        return null;
    }

    private static IReadOnlyList<string> DefaultFirst(IReadOnlyList<string> all, string preferred) =>
        [.. all.Where(v => v == preferred), .. all.Where(v => v != preferred)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "No complaint case opened from {Source}: {Outcome} ({Fields})")]
    private static partial void LogNotOpened(ILogger logger, string source, CaseOutcome outcome, string fields);
}
