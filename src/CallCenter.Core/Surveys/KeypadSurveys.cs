using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Desk.Voice;
using CallCenter.Core.Patients;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Surveys;

/// <summary>
/// The keypad survey of a desk call: when the agent hangs up first and the queue's desk-call survey trigger has the
/// keypad channel, the caller stays on the line and answers question by question (text questions are skipped). The
/// same rules as the SMS survey hold: a known patient only, one survey per patient per
/// <see cref="SurveyOptions.FrequencyDays"/>, and no survey for a patient who withdrew consent for surveys or for calls.
/// Answers are stored like SMS answers and a low one raises the same alarm. Every keypress webhook decides on the
/// stored invitation with a conditional change, so a repeated or late one changes nothing and hears the survey as it stands.
/// </summary>
public sealed partial class KeypadSurveys(
    ISurveyDefinitionRepository definitions,
    ISurveyInvitationRepository invitations,
    IKeypadSurveyRepository keypad,
    IPatientConsentRepository consents,
    IAuditLog audit,
    LowScoreAlarm alarm,
    KeypadSurveyTwiml twiml,
    IDbConnectionFactory db,
    IOptions<SurveyOptions> options,
    TimeProvider time,
    ILogger<KeypadSurveys> logger) : ICallerAfterAgent
{
    /// <summary>The audit operation of reading a patient's consent before a keypad survey.</summary>
    public const string AuditOperation = "survey.keypad-consent";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<string?> CallerStaysAsync(AgentLeftCaller left, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(left);
        if (left.PatientId is not { } patientId)
        {
            return null;
        }

        var sourceKey = SourceKey(left.CallSid);
        if (await keypad.FindBySourceAsync(sourceKey, cancellationToken) is { } existing)
        {
            return await AsItStandsAsync(existing, left.QueueName, cancellationToken);
        }

        var current = await definitions.ListCurrentAsync(cancellationToken);
        var definition = current.FirstOrDefault(d => d.Triggers.Any(t => IsKeypadTrigger(t, left.QueueName)));
        if (definition is null || NextAskable(definition.Questions, 0) is not { } first)
        {
            return null;
        }

        if (!await ConsentsAsync(patientId, cancellationToken))
        {
            LogSkipped(logger, left.CallSid, "the patient withdrew consent for surveys");
            return null;
        }

        string? phone;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            phone = (await invitations.FindContactAsync(patientId, connection, null, cancellationToken))?.Phone ?? left.CallerNumber;
        }

        if (phone is null)
        {
            return null;
        }

        var now = Now;
        var invitation = new SurveyInvitation
        {
            Id = Ids.New(time),
            DefinitionId = definition.Id,
            SourceKey = sourceKey,
            TriggerKind = SurveyTriggerKinds.DeskCall,
            PatientId = patientId,
            Phone = phone,
            Language = DeskVoicePrompts.LanguageOf(left.Language).Tag,
            CallSid = left.CallSid,
            AgentId = left.AgentId,
            QueueName = left.QueueName,
            PendingReplyId = Ids.New(time),
            Status = SurveyInvitationStatuses.Open,
            QuestionIndex = first,
            DueAt = now,
            ExpiresAt = now.AddHours(options.Value.ExpiryHours),
            CreatedAt = now,
        };
        if (!await keypad.TryAddAsync(invitation, now.AddDays(-options.Value.FrequencyDays), cancellationToken))
        {
            // A repeat of this webhook may have won the insert: then the survey it started goes on.
            if (await keypad.FindBySourceAsync(sourceKey, cancellationToken) is { } raced)
            {
                return await AsItStandsAsync(raced, left.QueueName, cancellationToken);
            }

            LogSkipped(logger, left.CallSid, "the patient had a survey in the period");
            return null;
        }

        LogStarted(logger, invitation.Id, left.CallSid);
        return twiml.Ask(invitation, definition.Questions[first], first, attempt: 0, announce: true);
    }

    /// <summary>The keys the caller pressed for a question (empty when they pressed none); the TwiML that follows.</summary>
    public async Task<string> AnswerAsync(Guid invitationId, int questionIndex, int attempt, string callSid, string? digits, string language, CancellationToken cancellationToken)
    {
        if (await keypad.FindAsync(invitationId, cancellationToken) is not { } invitation || invitation.CallSid != callSid)
        {
            return KeypadSurveyTwiml.Goodbye(language);
        }

        var definition = await DefinitionAsync(invitation.DefinitionId, cancellationToken);
        var questions = definition.Questions;
        if (invitation.Status != SurveyInvitationStatuses.Open || invitation.QuestionIndex != questionIndex || questionIndex >= questions.Count)
        {
            return Current(invitation, definition);
        }

        var question = questions[questionIndex];
        var keys = (digits ?? string.Empty).Trim();
        var readable = SurveyAnswerReader.TryRead(question.Type, keys, out var score);
        if (!readable && attempt == 0)
        {
            return twiml.Ask(invitation, question, questionIndex, attempt: 1, announce: false);
        }

        var next = NextAskable(questions, questionIndex + 1);
        var answer = new SurveyAnswerRecord
        {
            Id = Ids.New(time),
            PendingReplyId = invitation.PendingReplyId,
            InvitationId = invitation.Id,
            PatientId = invitation.PatientId,
            Phone = invitation.Phone,
            MessageSid = $"keypad:{invitation.Id:N}:{questionIndex}",
            AnswerText = keys.Length > 16 ? keys[..16] : keys,
            Score = readable ? score : null,
            QuestionIndex = questionIndex,
            QuestionType = question.Type,
            ReceivedAt = Now,
        };
        if (!await keypad.AnswerAsync(answer, next ?? questions.Count, last: next is null, cancellationToken))
        {
            // A repeat of this keypress got there first: answer as the survey now stands.
            return await keypad.FindAsync(invitationId, cancellationToken) is { } now ? Current(now, definition) : KeypadSurveyTwiml.Goodbye(language);
        }

        if (readable && SurveyQuestionTypes.IsLow(question.Type, score))
        {
            await alarm.RaiseAsync(invitation, definition, answer, score!.Value, cancellationToken);
        }

        return next is { } following
            ? twiml.Ask(invitation, questions[following], following, attempt: 0, announce: false)
            : KeypadSurveyTwiml.ThankAndHangUp(invitation.Language);
    }

    public static string SourceKey(string callSid) => "desk-call:" + callSid;

    private static bool IsKeypadTrigger(SurveyTrigger trigger, string queue) =>
        trigger.Kind == SurveyTriggerKinds.DeskCall && trigger.Queue == queue && trigger.ChannelOrDefault == SurveyChannels.Keypad;

    /// <summary>The first question from <paramref name="from"/> on that a keypad can answer (not free text).</summary>
    private static int? NextAskable(IReadOnlyList<SurveyQuestion> questions, int from)
    {
        for (var i = from; i < questions.Count; i++)
        {
            if (questions[i].Type != SurveyQuestionTypes.Text)
            {
                return i;
            }
        }

        return null;
    }

    // An invitation this call already has: its current question when it is a keypad survey still open on the line.
    private async Task<string?> AsItStandsAsync(SurveyInvitation invitation, string queue, CancellationToken cancellationToken)
    {
        var definition = await DefinitionAsync(invitation.DefinitionId, cancellationToken);
        if (!definition.Triggers.Any(t => IsKeypadTrigger(t, queue)) || invitation.Status != SurveyInvitationStatuses.Open)
        {
            return null;
        }

        return Current(invitation, definition);
    }

    private string Current(SurveyInvitation invitation, SurveyDefinition definition) =>
        invitation.Status == SurveyInvitationStatuses.Open && invitation.QuestionIndex < definition.Questions.Count && Now < invitation.ExpiresAt
            ? twiml.Ask(invitation, definition.Questions[invitation.QuestionIndex], invitation.QuestionIndex, attempt: 0, announce: false)
            : invitation.Status == SurveyInvitationStatuses.Completed
                ? KeypadSurveyTwiml.ThankAndHangUp(invitation.Language)
                : KeypadSurveyTwiml.Goodbye(invitation.Language);

    private async Task<SurveyDefinition> DefinitionAsync(Guid definitionId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await definitions.FindAsync(definitionId, connection, null, cancellationToken)
            ?? throw new InvalidOperationException("An invitation's survey version is missing.");
    }

    // Surveys refused on any channel, or calls refused: the caller is not asked.
    private async Task<bool> ConsentsAsync(Guid patientId, CancellationToken cancellationToken)
    {
        var history = await consents.HistoryAsync(patientId, cancellationToken);
        await audit.WriteAsync(Actor.System, AuditOperation, patientId, AuditOutcomes.Success, "consent read before a keypad survey", cancellationToken);
        var surveysRefused = history.GroupBy(c => c.Channel).Any(g => g.FirstOrDefault(c => c.Purpose == ConsentPurposes.Survey) is { Granted: false });
        return !surveysRefused && PatientConsent.Allows(history, ConsentChannels.Voice, ConsentPurposes.Survey);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Keypad survey {InvitationId} started on call {CallSid}")]
    private static partial void LogStarted(ILogger logger, Guid invitationId, string callSid);

    [LoggerMessage(Level = LogLevel.Information, Message = "No keypad survey on call {CallSid}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string callSid, string reason);
}
