using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.Agents;
using CallCenter.Core.Cases;
using CallCenter.Core.Common;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Interactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Desk;

/// <summary>
/// After-call work: the disposition and notes (on the patient's timeline) and callbacks promised. The complaint
/// disposition (<c>Cases:DeskDisposition</c>) also opens a complaint case with the notes, linked to the call.
/// </summary>
public sealed partial class DeskWrapUpActions(
    DeskAccess access,
    IDeskWorkRepository work,
    IWrapUpRepository wrapUps,
    IScheduledCallbackRepository callbacks,
    AgentStateService agents,
    PhoneNumberNormalizer phones,
    DialPolicy dialling,
    IDeskNotifier notifier,
    IRoutingSignal routing,
    CaseIntake cases,
    IOptions<DeskOptions> options,
    DeskAudit audit,
    TimeProvider time,
    IEnumerable<IWrapUpListener> wrapUpListeners,
    ILogger<DeskWrapUpActions> logger)
{
    /// <summary>How far ahead a callback may be scheduled.</summary>
    public static readonly TimeSpan MaxCallbackAhead = TimeSpan.FromDays(90);

    public async Task<DeskResult> WrapUpAsync(Actor agent, WrapUpRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "request");
        }

        if (request.Disposition is null || !options.Value.EffectiveDispositions.Contains(request.Disposition, StringComparer.Ordinal))
        {
            return DeskResult.Fail(DeskErrors.Invalid, "must be one of " + string.Join(", ", options.Value.EffectiveDispositions), "disposition");
        }

        var notes = request.Notes?.Trim();
        if (notes is { Length: > DeskOptions.MaxNotesLength })
        {
            return DeskResult.Fail(DeskErrors.Invalid, $"must be at most {DeskOptions.MaxNotesLength} characters", "notes");
        }

        if (ComplaintError(request) is { } complaintError)
        {
            return complaintError;
        }

        var owned = await access.CallAsync(agent, request.CallSid, cancellationToken);
        if (owned.Error is { } refused)
        {
            return await audit.WriteAsync(agent, "wrap-up", null, refused, $"call {request.CallSid}", cancellationToken);
        }

        var held = owned.Work!;
        if (held.EndedAt is null)
        {
            // The state machine is the truth: an agent no longer busy has finished the call even if no one said so here.
            if ((await agents.GetAsync(agent.UserId, cancellationToken))?.State == AgentState.Busy)
            {
                return DeskResult.Fail(DeskErrors.Refused, "the call is still on: hang up or wait for it to end", "callSid");
            }

            await work.EndAsync(held.OfferId, "ended", time.GetUtcNow().UtcDateTime, cancellationToken);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var wrapUp = new CallWrapUp
        {
            Id = Ids.New(time),
            CallSid = request.CallSid,
            AgentId = agent.UserId,
            OfferId = held.OfferId,
            PatientId = held.PatientId,
            Disposition = request.Disposition,
            Notes = string.IsNullOrEmpty(notes) ? null : notes,
            CreatedAt = now,
        };
        var timeline = held.PatientId is { } patientId ? new Interaction
        {
            Id = Ids.New(time),
            PatientId = patientId,
            Kind = InteractionKinds.Call,
            Direction = held.Kind == "callback" ? InteractionDirections.Outbound : InteractionDirections.Inbound,
            OccurredAt = now,
            Summary = wrapUp.Notes is null ? wrapUp.Disposition : $"{wrapUp.Disposition}: {wrapUp.Notes}",
            UserId = agent.UserId,
            ExternalId = request.CallSid,
        } : null;

        // A repeated submit (a retry after a dropped connection) stores nothing new and still ends wrap-up.
        var stored = await wrapUps.TryAddAsync(wrapUp with { InteractionId = timeline?.Id }, timeline, cancellationToken);
        var id = stored ? wrapUp.Id : (await wrapUps.FindAsync(request.CallSid, agent.UserId, cancellationToken))?.Id ?? wrapUp.Id;

        // Also on a repeat: opening is idempotent by the call and agent, so a wrap-up stored before a crash still gets its case.
        var caseId = cases.OpensCase(request.Disposition)
            ? await cases.FromWrapUpAsync(agent, request.CallSid, held.PatientId, wrapUp.Notes, request.ComplaintCategory, request.ComplaintSeverity, cancellationToken)
            : null;
        var change = await agents.ApplyAsync(agent.UserId, AgentEvent.Of(AgentEventKind.EndWrapUp), AgentEventSource.Agent, cancellationToken);
        if (change.Outcome == AgentChangeOutcome.Applied)
        {
            await notifier.StateChangedAsync(agent.UserId, cancellationToken);
            routing.Wake();
        }

        if (stored && held.CallSid is not null)
        {
            await TellAsync(new CallWrappedUp(held.CallSid, agent.UserId, held.QueueName, held.Kind, held.PatientId, request.Disposition, now), cancellationToken);
        }

        var detail = $"call {request.CallSid} disposition {request.Disposition}{(caseId is { } opened ? $" case {opened}" : string.Empty)}{(stored ? string.Empty : " (repeat)")}";
        return await audit.WriteAsync(agent, "wrap-up", held.PatientId, DeskResult.Success(id.ToString()), detail, cancellationToken);
    }

    // The case's category and severity: the agent's choice with the complaint disposition only, each from the hub's list.
    private DeskResult? ComplaintError(WrapUpRequest request)
    {
        if (request.ComplaintCategory is null && request.ComplaintSeverity is null)
        {
            return null;
        }

        if (!cases.OpensCase(request.Disposition))
        {
            return DeskResult.Fail(
                DeskErrors.Invalid, $"is only for the {cases.DeskDisposition} disposition", request.ComplaintCategory is null ? "complaintSeverity" : "complaintCategory");
        }

        if (request.ComplaintCategory is { } category && !cases.DeskCategories.Contains(category, StringComparer.Ordinal))
        {
            return DeskResult.Fail(DeskErrors.Invalid, "must be one of " + string.Join(", ", cases.DeskCategories), "complaintCategory");
        }

        return request.ComplaintSeverity is { } severity && !cases.DeskSeverities.Contains(severity, StringComparer.Ordinal)
            ? DeskResult.Fail(DeskErrors.Invalid, "must be one of " + string.Join(", ", cases.DeskSeverities), "complaintSeverity")
            : null;
    }

    public async Task<DeskResult> ScheduleCallbackAsync(Actor agent, ScheduleCallbackRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "request");
        }

        var now = time.GetUtcNow();
        var due = request.At ?? now;
        if (due < now.AddMinutes(-1) || due > now + MaxCallbackAhead)
        {
            return DeskResult.Fail(DeskErrors.Invalid, $"must be from now to {MaxCallbackAhead.TotalDays} days ahead", "at");
        }

        if (request.Note is { Length: > ScheduledCallbackRepository.MaxNoteLength })
        {
            return DeskResult.Fail(DeskErrors.Invalid, $"must be at most {ScheduledCallbackRepository.MaxNoteLength} characters", "note");
        }

        var owned = await access.AcceptedOfferAsync(agent, request.OfferId, cancellationToken);
        if (owned.Error is { } refused)
        {
            return await audit.WriteAsync(agent, "schedule-callback", null, refused, $"offer {request.OfferId}", cancellationToken);
        }

        var offer = owned.Offer!;
        if (!phones.TryNormalize(request.Number ?? offer.CallerNumber, out var e164, out var reason))
        {
            return DeskResult.Fail(DeskErrors.Invalid, reason, "number");
        }

        if (!dialling.Allows(e164, out var notDialled))
        {
            return await audit.WriteAsync(agent, "schedule-callback", offer.PatientId, DeskResult.Fail(DeskErrors.Refused, notDialled, "number"), $"offer {offer.Id} to {e164}", cancellationToken);
        }

        var callback = new ScheduledCallback
        {
            Id = Ids.New(time),
            PatientId = offer.PatientId,
            Number = e164,
            DueAt = due.UtcDateTime,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            OfferId = offer.Id,
            Status = ScheduledCallbackRepository.Scheduled,
            CreatedBy = agent.UserId,
            CreatedAt = now.UtcDateTime,
            QueueName = offer.QueueName,
            Language = offer.Language,
        };
        await callbacks.AddAsync(callback, cancellationToken);
        return await audit.WriteAsync(agent, "schedule-callback", offer.PatientId, DeskResult.Success(callback.Id.ToString()), $"callback {callback.Id} offer {offer.Id} to {e164}", cancellationToken);
    }

    private async Task TellAsync(CallWrappedUp wrappedUp, CancellationToken cancellationToken)
    {
        foreach (var listener in wrapUpListeners)
        {
            try
            {
                await listener.WrappedUpAsync(wrappedUp, cancellationToken);
            }
#pragma warning disable CA1031 // What follows a wrap-up (a survey) must not fail the agent's wrap-up.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogListenerFailed(logger, ex, listener.GetType().Name, wrappedUp.CallSid);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Wrap-up listener {Listener} failed for call {CallSid}")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, string listener, string callSid);
}
