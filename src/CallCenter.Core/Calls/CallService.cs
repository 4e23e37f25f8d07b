using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Interactions;
using CallCenter.Core.Patients;

namespace CallCenter.Core.Calls;

/// <summary>
/// Records calls from carrier webhooks, which arrive at least once and out of order, and shows them to agents
/// within their patient scope.
/// </summary>
public sealed class CallService(ICallRepository calls, CallerIdMatcher callerId, PatientScopeGuard guard, IAuditLog audit, TimeProvider time)
{
    public const string InboundDirection = "inbound";

    /// <summary>The audit operation of reading a call.</summary>
    public const string ReadOperation = "call.read";

    /// <summary>
    /// Records a call's first voice webhook once: a repeat of the CallSid changes nothing. An inbound call is
    /// linked to the one patient with the caller's number and put on that patient's timeline.
    /// </summary>
    public async Task<IncomingCallResult> RecordIncomingAsync(IncomingCall incoming, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var inbound = string.Equals(incoming.Direction, InboundDirection, StringComparison.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        if (await calls.FindBySidAsync(incoming.CallSid, cancellationToken) is { } known)
        {
            return await LinkKnownCallAsync(known, incoming, inbound, now, cancellationToken);
        }

        var patientId = inbound ? await callerId.FindSingleAsync(incoming.From, cancellationToken) : null;
        var call = NewCall(incoming.CallSid, incoming.AccountSid, incoming.Direction, incoming.From, incoming.To, incoming.State, patientId, now);
        var firstEvent = new CallEvent
        {
            Id = Ids.New(time),
            CallId = call.Id,
            Status = call.Status,
            OccurredAt = now,
            ReceivedAt = now,
            Source = CallEventSources.VoiceRequest,
        };
        var timeline = patientId is null ? null : TimelineEntry(patientId.Value, incoming.CallSid, now);

        if (await calls.CreateAsync(call, firstEvent, timeline, cancellationToken))
        {
            return new IncomingCallResult(call.Id, patientId, Created: true);
        }

        // Lost a race with a concurrent delivery of the same webhook: that one recorded it.
        var existing = await calls.FindBySidAsync(incoming.CallSid, cancellationToken)
            ?? throw new InvalidOperationException("A call reported as existing could not be read.");
        return new IncomingCallResult(existing.Id, existing.PatientId, Created: false);
    }

    /// <summary>
    /// A status callback can reach the hub before the voice webhook and create the call first (deliveries are
    /// unordered). The voice webhook still links the caller and writes the timeline entry, once.
    /// </summary>
    private async Task<IncomingCallResult> LinkKnownCallAsync(PhoneCall known, IncomingCall incoming, bool inbound, DateTime now, CancellationToken cancellationToken)
    {
        if (known.PatientId is null && inbound && await callerId.FindSingleAsync(incoming.From, cancellationToken) is { } patientId
            && await calls.LinkPatientAsync(known.Id, TimelineEntry(patientId, incoming.CallSid, now), now, cancellationToken))
        {
            return new IncomingCallResult(known.Id, patientId, Created: false);
        }

        return new IncomingCallResult(known.Id, known.PatientId, Created: false);
    }

    private Interaction TimelineEntry(Guid patientId, string callSid, DateTime at) => new()
    {
        Id = Ids.New(time),
        PatientId = patientId,
        Kind = InteractionKinds.Call,
        Direction = InteractionDirections.Inbound,
        OccurredAt = at,
        ExternalId = callSid,
    };

    /// <summary>
    /// Applies a status callback: kept in the history once (same idempotency token or same sequence number is a
    /// redelivery), and moves the call forward only. Creates the call if this is the first the hub hears of it.
    /// </summary>
    public async Task<WebhookOutcome> ApplyStatusAsync(CallStatusUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var now = time.GetUtcNow().UtcDateTime;
        var call = await calls.FindBySidAsync(update.CallSid, cancellationToken);
        if (call is null)
        {
            // The rank of -1 lets this callback's own change raise it, exactly as for a call recorded earlier.
            var created = NewCall(update.CallSid, update.AccountSid, update.Direction ?? "unknown", update.From ?? string.Empty, update.To ?? string.Empty, update.State, null, now)
                with { StatusRank = -1 };
            await calls.TryInsertAsync(created, cancellationToken);
            call = await calls.FindBySidAsync(update.CallSid, cancellationToken)
                ?? throw new InvalidOperationException("A call just inserted could not be read.");
        }

        var occurredAt = update.Timestamp ?? now;
        return await calls.ApplyAsync(
            new CallStatusChange
            {
                Event = new CallEvent
                {
                    Id = Ids.New(time),
                    CallId = call.Id,
                    Status = update.State.ToCode(),
                    SequenceNumber = update.SequenceNumber,
                    OccurredAt = occurredAt,
                    ReceivedAt = now,
                    Source = CallEventSources.StatusCallback,
                },
                StatusRank = update.State.Rank(),
                IdempotencyToken = update.IdempotencyToken,
                AnsweredAt = AnsweredAt(update, occurredAt),
                EndedAt = update.State.IsFinal() ? occurredAt : null,
                DurationSeconds = update.State.IsFinal() ? update.DurationSeconds : null,
            },
            cancellationToken);
    }

    /// <summary>The call with its history, if the actor may see its patient (unlinked calls are visible to every agent).</summary>
    public async Task<CallDetails?> FindAsync(Actor actor, string callSid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var call = await calls.FindBySidAsync(callSid, cancellationToken);
        if (call is null)
        {
            return null;
        }

        var detail = $"call {call.Id}";
        if (call.PatientId is { } patientId && !await guard.AllowAsync(actor, patientId, ReadOperation, detail, cancellationToken))
        {
            return null;
        }

        var events = await calls.EventsAsync(call.Id, cancellationToken);
        await audit.WriteAsync(actor, ReadOperation, call.PatientId, AuditOutcomes.Success, detail, cancellationToken);
        return new CallDetails(call, events);
    }

    // A completed call with a duration was answered even when the in-progress callback was not requested.
    private static DateTime? AnsweredAt(CallStatusUpdate update, DateTime occurredAt) => update.State switch
    {
        CallState.InProgress => occurredAt,
        CallState.Completed when update.DurationSeconds is > 0 => occurredAt.AddSeconds(-update.DurationSeconds.Value),
        _ => null,
    };

    private PhoneCall NewCall(string callSid, string accountSid, string direction, string from, string to, CallState state, Guid? patientId, DateTime now) => new()
    {
        Id = Ids.New(time),
        CallSid = callSid,
        AccountSid = accountSid,
        Direction = direction,
        FromNumber = from,
        ToNumber = to,
        PatientId = patientId,
        Status = state.ToCode(),
        StatusRank = state.Rank(),
        CreatedAt = now,
        UpdatedAt = now,
    };
}
