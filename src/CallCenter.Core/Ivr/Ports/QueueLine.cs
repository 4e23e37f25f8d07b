using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Queues;
using CallCenter.Core.Routing;
using Ivr.Flows.Services;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Ivr.Ports;

/// <summary>
/// The waiting line in the database: a call's place is its priority, then when it joined; a callback request
/// keeps the place the caller had, so it counts ahead of everyone who joined later.
/// </summary>
internal sealed partial class QueueLine(
    IQueueRepository queues,
    IQueueStaffing staffing,
    DialPolicy dialling,
    IAuditLog audit,
    IOptions<IvrPortOptions> options,
    TimeProvider time,
    ILogger<QueueLine> logger) : IQueueLine
{
    // Waits of calls that reached an agent within this window make the estimate; older ones say little about now.
    private static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(60);

    public async Task<IReadOnlySet<string>> QueueNamesAsync(CancellationToken cancellationToken) =>
        (await queues.QueueNamesAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    public async Task<QueueStatus> StatusAsync(string queue, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var figures = await queues.FiguresAsync(queue, cancellationToken);
        var joiningPosition = figures.Waiting + figures.Callbacks + 1;
        var longest = figures.OldestWaitingSince is { } oldest ? Math.Max(0, (int)(now - oldest).TotalSeconds) : 0;
        var staff = await staffing.ForQueueAsync(queue, cancellationToken);
        return new QueueStatus(queue, figures.Waiting, staff.Available, await EstimateAsync(queue, joiningPosition, staff, now, cancellationToken), longest);
    }

    public async Task<QueuePlacement> EnqueueAsync(QueueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow().UtcDateTime;
        var entry = await queues.EnqueueAsync(
            new QueueEntry
            {
                Id = Ids.New(time),
                QueueName = request.Queue,
                CallSid = request.CallSid,
                PatientId = request.PatientId,
                CallerNumber = request.CallerNumber,
                Priority = request.Priority,
                Skills = request.Skills.Count == 0 ? null : string.Join(',', request.Skills),
                Language = request.Language,
                Status = QueueStatuses.Waiting,
                EnqueuedAt = now,
            },
            cancellationToken);

        return await PlaceAsync(entry, now, cancellationToken);
    }

    public async Task<QueuePlacement?> PlacementAsync(string callSid, CancellationToken cancellationToken)
    {
        var entry = await queues.FindByCallSidAsync(callSid, cancellationToken);
        // A call ringing at an agent is still in line: it may yet ring out and wait on.
        return entry is { Status: QueueStatuses.Waiting or QueueStatuses.Offered }
            ? await PlaceAsync(entry, time.GetUtcNow().UtcDateTime, cancellationToken)
            : null;
    }

    public async Task RequestCallbackAsync(CallbackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow().UtcDateTime;
        var entry = await queues.FindByCallSidAsync(request.CallSid, cancellationToken);
        if (!dialling.Allows(request.Number, out var reason))
        {
            // Caller ID is forged easily: a premium or foreign number asking for a callback is the classic toll fraud.
            LogCallbackRefused(logger, request.CallSid, reason);
            await audit.WriteAsync(Actor.System, "ivr.callback", request.PatientId ?? entry?.PatientId, AuditOutcomes.Denied, $"call {request.CallSid} callback to {request.Number}: {reason}", cancellationToken);
            return;
        }

        // The place held in line travels with the request; a caller who never queued gets the back of the line.
        await queues.AddCallbackAsync(
            new CallbackRequestRow
            {
                Id = Ids.New(time),
                CallSid = request.CallSid,
                QueueName = entry?.QueueName ?? request.Queue,
                Number = request.Number,
                PatientId = request.PatientId ?? entry?.PatientId,
                Language = request.Language,
                Priority = entry?.Priority ?? 0,
                PlaceEnqueuedAt = entry?.EnqueuedAt ?? now,
                Status = QueueStatuses.Requested,
                CreatedAt = now,
            },
            now,
            cancellationToken);
    }

    public Task LeaveAsync(string callSid, string reason, CancellationToken cancellationToken) =>
        queues.EndAsync(callSid, QueueStatuses.Left, reason, time.GetUtcNow().UtcDateTime, cancellationToken);

    private async Task<QueuePlacement> PlaceAsync(QueueEntry entry, DateTime now, CancellationToken cancellationToken)
    {
        var position = await queues.CountAheadAsync(entry, cancellationToken) + 1;
        var staff = await staffing.ForQueueAsync(entry.QueueName, cancellationToken);
        var estimate = await EstimateAsync(entry.QueueName, position, staff, now, cancellationToken);
        return new QueuePlacement(entry.QueueName, position, estimate, new DateTimeOffset(DateTime.SpecifyKind(entry.EnqueuedAt, DateTimeKind.Utc)));
    }

    private async Task<int> EstimateAsync(string queue, int position, QueueStaff staff, DateTime now, CancellationToken cancellationToken)
    {
        var waits = await queues.BridgedWaitsSinceAsync(queue, now - RecentWindow, cancellationToken);
        return QueueWaitEstimator.EstimateSeconds(position, waits.ToList(), options.Value.Queues.DefaultHandleSeconds, staff.Staffed, staff.Available);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallSid}: callback refused, the number {Reason}")]
    private static partial void LogCallbackRefused(ILogger logger, string callSid, string reason);
}
