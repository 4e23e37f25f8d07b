using CallCenter.Core.Queues;
using Ivr.Flows.Execution;
using Ivr.Flows.Loading;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;

namespace CallCenter.Core.Ivr;

/// <summary>
/// Runs the engine for one webhook and stores the session. Two deliveries of one webhook may race: the second to
/// save loses the optimistic check on the turn and answers what the winner stored, so the flow moves once. What the
/// turn did comes back from the engine as typed events: the runner keeps the caller's <see cref="IvrOutcome"/> up to
/// date with them, in the same row and write as the session, and acts on them once that write has won.
/// </summary>
public sealed partial class FlowRunner(
    FlowRegistry registry,
    IFlowSessionRepository sessions,
    FlowServices services,
    IOptions<TwilioOptions> twilio,
    TimeProvider time,
    IEnumerable<IQueueArrivalSignal> arrivals,
    ILogger<FlowRunner> logger)
{
    /// <summary>The path of the flow webhook; action URLs point here.</summary>
    public const string VoicePath = "/twilio/voice/flow";

    public FlowLinks Links => new((twilio.Value.PublicBaseUrl ?? string.Empty).TrimEnd('/') + VoicePath);

    internal Task<StoredSession?> FindAsync(string sessionKey, CancellationToken cancellationToken) =>
        sessions.FindAsync(sessionKey, cancellationToken);

    /// <summary>The call's (or SMS conversation's) session as last stored: flow, language, variables and trace; null when there is none.</summary>
    public async Task<FlowSession?> FindSessionAsync(string sessionKey, CancellationToken cancellationToken) =>
        await sessions.FindAsync(sessionKey, cancellationToken) is { } stored ? FlowJson.DeserializeSession(stored.State) : null;

    /// <summary>
    /// Starts <paramref name="flow"/> for <paramref name="start"/>'s key, over <paramref name="replacing"/> (an SMS
    /// conversation that ended or lapsed) when given. Null only when the session vanished in a race.
    /// </summary>
    internal async Task<string?> StartAsync(ActiveFlow flow, FlowStart start, StoredSession? replacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(start);
        using var call = flow.Flow.Kind == FlowKind.Voice ? IvrCallScope.Begin(start.Key) : null;
        var turn = await FlowEngine.StartAsync(flow.Flow, flow.Version, start, services, Links, cancellationToken);
        LogStepErrors(turn);
        var row = ToRow(turn, outcomeBefore: null, time.GetUtcNow().UtcDateTime);
        var saved = replacing is null
            ? await sessions.TryInsertAsync(row, cancellationToken)
            : await sessions.TryUpdateAsync(row, replacing.Turn, cancellationToken);
        if (saved)
        {
            ActOnStored(turn);
            LogStarted(logger, flow.Flow.Id, flow.Version, turn.Session.Kind);
            return turn.Twiml;
        }

        LogLostRace(logger, flow.Flow.Id);
        return await StoredAnswerAsync(start.Key, cancellationToken);
    }

    /// <summary>
    /// Continues a call's session with a flow webhook's input. Null when the hub cannot carry the call on: no
    /// session for it, or its flow version is unknown here (the caller then hears an apology).
    /// </summary>
    public async Task<string?> ContinueCallAsync(string callSid, FlowInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await sessions.FindAsync(callSid, cancellationToken) is not { } stored)
        {
            LogUnknownSession(logger, callSid);
            return null;
        }

        return await ContinueAsync(stored, input, cancellationToken);
    }

    /// <summary>Continues a stored session with a webhook's input; null when its flow version is unknown here.</summary>
    internal async Task<string?> ContinueAsync(StoredSession stored, FlowInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (await registry.FindVersionAsync(stored.FlowId, stored.FlowVersion, cancellationToken) is not { } flow)
        {
            LogUnknownVersion(logger, stored.FlowId, stored.FlowVersion);
            return null;
        }

        var session = FlowJson.DeserializeSession(stored.State);
        using var call = session.Kind == FlowKind.Voice ? IvrCallScope.Begin(session.Key) : null;
        var turn = await FlowEngine.ContinueAsync(flow, session, input, services, Links, cancellationToken);
        if (!turn.Changed)
        {
            return turn.Twiml;
        }

        LogStepErrors(turn);

        if (await sessions.TryUpdateAsync(ToRow(turn, stored.Outcome, stored.CreatedAt), stored.Turn, cancellationToken))
        {
            ActOnStored(turn);
            return turn.Twiml;
        }

        LogLostRace(logger, stored.FlowId);
        return await StoredAnswerAsync(stored.SessionKey, cancellationToken);
    }

    // Only once the session is stored: the screen-pop the woken router builds reads the caller's IVR outcome
    // (language, menu keys, verification) from the stored row, which must already hold this turn.
    private void ActOnStored(FlowTurn turn)
    {
        if (turn.Events.Any(e => e is Enqueued))
        {
            foreach (var arrival in arrivals)
            {
                arrival.WorkArrived();
            }
        }
    }

    /// <summary>
    /// Ends the call's session when the carrier reports the call over, so a caller who hung up in a menu or a queue
    /// leaves a finished trace and gives up their place in line. Retried when a webhook of the same call races it.
    /// </summary>
    public async Task EndCallAsync(string callSid, string reason, CancellationToken cancellationToken)
    {
        using var call = IvrCallScope.Begin(callSid);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await sessions.FindAsync(callSid, cancellationToken) is not { Ended: false } stored
                || await registry.FindVersionAsync(stored.FlowId, stored.FlowVersion, cancellationToken) is not { } flow)
            {
                return;
            }

            var session = FlowJson.DeserializeSession(stored.State);
            var turn = await FlowEngine.EndAsync(flow, session, reason, services, Links, cancellationToken);
            LogStepErrors(turn);
            if (!turn.Changed || await sessions.TryUpdateAsync(ToRow(turn, stored.Outcome, stored.CreatedAt), stored.Turn, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>The answer last given in the session, for a repeated webhook; null when there is none.</summary>
    internal static string? LastResponse(StoredSession? stored) =>
        stored is null ? null : FlowJson.DeserializeSession(stored.State).LastResponse;

    private async Task<string?> StoredAnswerAsync(string sessionKey, CancellationToken cancellationToken) =>
        LastResponse(await sessions.FindAsync(sessionKey, cancellationToken));

    private StoredSession ToRow(FlowTurn turn, string? outcomeBefore, DateTime createdAt)
    {
        var session = turn.Session;
        var outcome = IvrOutcome.After(IvrOutcomeJson.Read(outcomeBefore), session, turn.Events);
        return new StoredSession
        {
            SessionKey = session.Key,
            Kind = KindName(session.Kind),
            FlowId = session.FlowId,
            FlowVersion = session.FlowVersion,
            State = FlowJson.SerializeSession(session),
            Turn = session.Turn,
            Ended = session.Ended,
            Outcome = IvrOutcomeJson.Write(outcome),
            CreatedAt = createdAt,
            UpdatedAt = time.GetUtcNow().UtcDateTime,
        };
    }

    // The engine keeps a failing step's error in the call's trace and answers the caller; operators need it in the
    // log too. Only the step and the error's type: exception messages may quote data.
    private void LogStepErrors(FlowTurn turn)
    {
        var session = turn.Session;
        foreach (var failed in turn.Events.OfType<StepFailed>())
        {
            // An SMS session's key holds phone numbers; a call's is its CallSid.
            LogStepFailed(logger, session.FlowId, session.FlowVersion, failed.Step, session.Kind == FlowKind.Voice ? session.Key : "sms", failed.ErrorType);
        }
    }

    internal static string KindName(FlowKind kind) => kind == FlowKind.Sms ? "sms" : "voice";

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow {FlowId} version {Version} started ({Kind})")]
    private static partial void LogStarted(ILogger logger, string flowId, string version, FlowKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "A webhook for flow {FlowId} lost a race to a repeat of itself; answering the stored response")]
    private static partial void LogLostRace(ILogger logger, string flowId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Flow {FlowId} version {Version}: step {Step} failed in session {SessionKey} ({ErrorType}); the caller was answered by the flow's error path")]
    private static partial void LogStepFailed(ILogger logger, string flowId, string version, string step, string sessionKey, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow {FlowId} version {Version} of a session is unknown: not in memory or the database")]
    private static partial void LogUnknownVersion(ILogger logger, string flowId, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow webhook for call {CallSid} without a session; answering with an apology")]
    private static partial void LogUnknownSession(ILogger logger, string callSid);
}
