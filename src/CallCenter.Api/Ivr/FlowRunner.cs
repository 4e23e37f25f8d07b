using Ivr.Flows.Execution;
using Ivr.Flows.Loading;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;

namespace CallCenter.Api.Ivr;

/// <summary>
/// Runs the engine for one webhook and stores the session. Two deliveries of one webhook may race: the second to
/// save loses the optimistic check on the turn and answers what the winner stored, so the flow moves once.
/// </summary>
internal sealed partial class FlowRunner(
    FlowRegistry registry,
    IFlowSessionRepository sessions,
    FlowServices services,
    IOptions<TwilioOptions> twilio,
    TimeProvider time,
    IEnumerable<Core.Desk.IRoutingSignal> routing,
    ILogger<FlowRunner> logger)
{
    /// <summary>The path of the flow webhook; action URLs point here.</summary>
    public const string VoicePath = "/twilio/voice/flow";

    public FlowLinks Links => new((twilio.Value.PublicBaseUrl ?? string.Empty).TrimEnd('/') + VoicePath);

    public Task<StoredSession?> FindAsync(string sessionKey, CancellationToken cancellationToken) =>
        sessions.FindAsync(sessionKey, cancellationToken);

    /// <summary>
    /// Starts <paramref name="flow"/> for <paramref name="start"/>'s key, over <paramref name="replacing"/> (an SMS
    /// conversation that ended or lapsed) when given. Null only when the session vanished in a race.
    /// </summary>
    public async Task<string?> StartAsync(ActiveFlow flow, FlowStart start, StoredSession? replacing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(start);
        var turn = await FlowEngine.StartAsync(flow.Flow, flow.Version, start, services, Links, cancellationToken);
        LogStepErrors(turn.Session, traceBefore: 0);
        var row = ToRow(turn.Session, time.GetUtcNow().UtcDateTime);
        var saved = replacing is null
            ? await sessions.TryInsertAsync(row, cancellationToken)
            : await sessions.TryUpdateAsync(row, replacing.Turn, cancellationToken);
        if (saved)
        {
            WakeRouterIfEnqueued(turn.Session, traceBefore: 0);
            LogStarted(logger, flow.Flow.Id, flow.Version, turn.Session.Kind);
            return turn.Twiml;
        }

        LogLostRace(logger, flow.Flow.Id);
        return await StoredAnswerAsync(start.Key, cancellationToken);
    }

    /// <summary>Continues a stored session with a webhook's input; null when its flow version is unknown here.</summary>
    public async Task<string?> ContinueAsync(StoredSession stored, FlowInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (await registry.FindVersionAsync(stored.FlowId, stored.FlowVersion, cancellationToken) is not { } flow)
        {
            LogUnknownVersion(logger, stored.FlowId, stored.FlowVersion);
            return null;
        }

        var session = FlowJson.DeserializeSession(stored.State);
        var traceBefore = session.Trace.Count;
        var turn = await FlowEngine.ContinueAsync(flow, session, input, services, Links, cancellationToken);
        if (!turn.Changed)
        {
            return turn.Twiml;
        }

        LogStepErrors(turn.Session, traceBefore);

        if (await sessions.TryUpdateAsync(ToRow(turn.Session, stored.CreatedAt), stored.Turn, cancellationToken))
        {
            WakeRouterIfEnqueued(turn.Session, traceBefore);
            return turn.Twiml;
        }

        LogLostRace(logger, stored.FlowId);
        return await StoredAnswerAsync(stored.SessionKey, cancellationToken);
    }

    // The router is woken only once the session is stored: the screen-pop it builds reads the caller's IVR path
    // (language, menu keys, verification) from the stored session, which must already hold this turn.
    private void WakeRouterIfEnqueued(FlowSession session, int traceBefore)
    {
        if (session.Trace.Skip(traceBefore).Any(t => t.Event == "enqueued"))
        {
            foreach (var signal in routing)
            {
                signal.Wake();
            }
        }
    }

    /// <summary>
    /// Ends the call's session when the carrier reports the call over, so a caller who hung up in a menu or a queue
    /// leaves a finished trace and gives up their place in line. Retried when a webhook of the same call races it.
    /// </summary>
    public async Task EndCallAsync(string callSid, string reason, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await sessions.FindAsync(callSid, cancellationToken) is not { Ended: false } stored
                || await registry.FindVersionAsync(stored.FlowId, stored.FlowVersion, cancellationToken) is not { } flow)
            {
                return;
            }

            var session = FlowJson.DeserializeSession(stored.State);
            var traceBefore = session.Trace.Count;
            var turn = await FlowEngine.EndAsync(flow, session, reason, services, Links, cancellationToken);
            LogStepErrors(turn.Session, traceBefore);
            if (!turn.Changed || await sessions.TryUpdateAsync(ToRow(turn.Session, stored.CreatedAt), stored.Turn, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>The answer last given in the session, for a repeated webhook; null when there is none.</summary>
    public static string? LastResponse(StoredSession? stored) =>
        stored is null ? null : FlowJson.DeserializeSession(stored.State).LastResponse;

    private async Task<string?> StoredAnswerAsync(string sessionKey, CancellationToken cancellationToken) =>
        LastResponse(await sessions.FindAsync(sessionKey, cancellationToken));

    private StoredSession ToRow(FlowSession session, DateTime createdAt) => new()
    {
        SessionKey = session.Key,
        Kind = KindName(session.Kind),
        FlowId = session.FlowId,
        FlowVersion = session.FlowVersion,
        State = FlowJson.SerializeSession(session),
        Turn = session.Turn,
        Ended = session.Ended,
        CreatedAt = createdAt,
        UpdatedAt = time.GetUtcNow().UtcDateTime,
    };

    // The engine keeps a failing step's error in the call's trace and answers the caller; operators need it in the
    // log too. Only the step and the error's type: exception messages may quote data.
    private void LogStepErrors(FlowSession session, int traceBefore)
    {
        foreach (var entry in session.Trace.Skip(Math.Min(traceBefore, session.Trace.Count)).Where(t => t.Event == "error"))
        {
            var type = entry.Detail is { } detail && detail.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? detail[..colon] : "error";
            // An SMS session's key holds phone numbers; a call's is its CallSid.
            LogStepFailed(logger, session.FlowId, session.FlowVersion, entry.Step, session.Kind == FlowKind.Voice ? session.Key : "sms", type);
        }
    }

    public static string KindName(FlowKind kind) => kind == FlowKind.Sms ? "sms" : "voice";

    [LoggerMessage(Level = LogLevel.Information, Message = "Flow {FlowId} version {Version} started ({Kind})")]
    private static partial void LogStarted(ILogger logger, string flowId, string version, FlowKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "A webhook for flow {FlowId} lost a race to a repeat of itself; answering the stored response")]
    private static partial void LogLostRace(ILogger logger, string flowId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Flow {FlowId} version {Version}: step {Step} failed in session {SessionKey} ({ErrorType}); the caller was answered by the flow's error path")]
    private static partial void LogStepFailed(ILogger logger, string flowId, string version, string step, string sessionKey, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow {FlowId} version {Version} of a session is unknown: not in memory or the database")]
    private static partial void LogUnknownVersion(ILogger logger, string flowId, string version);
}
