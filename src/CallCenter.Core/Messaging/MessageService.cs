using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Interactions;
using CallCenter.Core.Patients;

namespace CallCenter.Core.Messaging;

/// <summary>
/// Records SMS from carrier webhooks, which arrive at least once and out of order, and shows them to agents
/// within their patient scope.
/// </summary>
public sealed class MessageService(
    IMessageRepository messages,
    CallerIdMatcher callerId,
    PatientScopeGuard guard,
    IAuditLog audit,
    TimeProvider time,
    IEnumerable<IMessageStatusListener> listeners)
{
    public const string InboundDirection = "inbound";

    /// <summary>Direction of a message first heard of through its status callback: one the hub sent.</summary>
    public const string OutboundDirection = "outbound-api";

    /// <summary>Twilio's limit on a message body; longer text is cut rather than refused, the SMS already arrived.</summary>
    public const int MaxBodyLength = 1600;

    /// <summary>The audit operation of reading a message.</summary>
    public const string ReadOperation = "message.read";

    /// <summary>
    /// Records an incoming SMS once (a repeat of the MessageSid changes nothing), linked to the one patient with
    /// the sender's number and put on that patient's timeline. The body is kept only in the message row.
    /// </summary>
    public async Task<IncomingSmsResult> RecordIncomingAsync(IncomingSms incoming, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (await messages.FindBySidAsync(incoming.MessageSid, cancellationToken) is { } known)
        {
            return new IncomingSmsResult(known.Id, known.PatientId, Created: false);
        }

        var patientId = await callerId.FindSingleAsync(incoming.From, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var message = NewMessage(incoming.MessageSid, incoming.AccountSid, InboundDirection, incoming.From, incoming.To, MessageState.Received, now) with
        {
            PatientId = patientId,
            Body = incoming.Body.Length > MaxBodyLength ? incoming.Body[..MaxBodyLength] : incoming.Body,
            NumSegments = incoming.NumSegments,
        };
        var firstEvent = new MessageEvent { Id = Ids.New(time), MessageId = message.Id, Status = message.Status, ReceivedAt = now };
        var timeline = patientId is null ? null : new Interaction
        {
            Id = Ids.New(time),
            PatientId = patientId,
            Kind = InteractionKinds.Sms,
            Direction = InteractionDirections.Inbound,
            OccurredAt = now,
            ExternalId = incoming.MessageSid,
        };

        if (await messages.CreateAsync(message, firstEvent, timeline, cancellationToken))
        {
            return new IncomingSmsResult(message.Id, patientId, Created: true);
        }

        var existing = await messages.FindBySidAsync(incoming.MessageSid, cancellationToken)
            ?? throw new InvalidOperationException("A message reported as existing could not be read.");
        return new IncomingSmsResult(existing.Id, existing.PatientId, Created: false);
    }

    /// <summary>
    /// Applies a status callback: kept in the history once per status (or idempotency token), and moves the
    /// message forward only. Creates the message if this is the first the hub hears of it.
    /// </summary>
    public async Task<WebhookOutcome> ApplyStatusAsync(MessageStatusUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var now = time.GetUtcNow().UtcDateTime;
        var message = await messages.FindBySidAsync(update.MessageSid, cancellationToken);
        if (message is null)
        {
            // Rank -1, so this callback's own change applies as it would to a message recorded earlier.
            await messages.TryInsertAsync(
                NewMessage(update.MessageSid, update.AccountSid, OutboundDirection, update.From ?? string.Empty, update.To ?? string.Empty, update.State, now)
                    with { StatusRank = -1 },
                cancellationToken);
            message = await messages.FindBySidAsync(update.MessageSid, cancellationToken)
                ?? throw new InvalidOperationException("A message just inserted could not be read.");
        }

        var statusEvent = new MessageEvent
        {
            Id = Ids.New(time),
            MessageId = message.Id,
            Status = update.State.ToCode(),
            ErrorCode = update.ErrorCode,
            ReceivedAt = now,
        };
        var outcome = await messages.ApplyAsync(statusEvent, update.State.Rank(), update.IdempotencyToken, cancellationToken);
        foreach (var listener in listeners)
        {
            await listener.StatusReceivedAsync(update, cancellationToken);
        }

        return outcome;
    }

    /// <summary>The message with its history, if the actor may see its patient (unlinked messages are visible to every agent).</summary>
    public async Task<MessageDetails?> FindAsync(Actor actor, string messageSid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var message = await messages.FindBySidAsync(messageSid, cancellationToken);
        if (message is null)
        {
            return null;
        }

        var detail = $"message {message.Id}";
        if (message.PatientId is { } patientId && !await guard.AllowAsync(actor, patientId, ReadOperation, detail, cancellationToken))
        {
            return null;
        }

        var events = await messages.EventsAsync(message.Id, cancellationToken);
        await audit.WriteAsync(actor, ReadOperation, message.PatientId, AuditOutcomes.Success, detail, cancellationToken);
        return new MessageDetails(message, events);
    }

    private Message NewMessage(string messageSid, string accountSid, string direction, string from, string to, MessageState state, DateTime now) => new()
    {
        Id = Ids.New(time),
        MessageSid = messageSid,
        AccountSid = accountSid,
        Direction = direction,
        FromNumber = from,
        ToNumber = to,
        Status = state.ToCode(),
        StatusRank = state.Rank(),
        CreatedAt = now,
        UpdatedAt = now,
    };
}
