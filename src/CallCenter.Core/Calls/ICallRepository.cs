using CallCenter.Core.Common;
using CallCenter.Core.Interactions;

namespace CallCenter.Core.Calls;

/// <summary>Calls and their status histories. No scope checks here: callers apply PatientAccess.</summary>
public interface ICallRepository
{
    /// <summary>
    /// Inserts the call, its first event and (when given) its timeline entry, all or nothing. False, with nothing
    /// written, when a call with this CallSid exists: the carrier may send the first webhook twice.
    /// </summary>
    Task<bool> CreateAsync(PhoneCall phoneCall, CallEvent firstEvent, Interaction? timelineEntry, CancellationToken cancellationToken = default);

    /// <summary>
    /// Links a call that has no patient yet and writes its timeline entry, in one transaction; false (nothing
    /// written) when the call already has a patient, so concurrent deliveries link and list it once.
    /// </summary>
    Task<bool> LinkPatientAsync(Guid callId, Interaction timelineEntry, DateTime at, CancellationToken cancellationToken = default);

    /// <summary>Inserts the call unless one with its CallSid exists (then false).</summary>
    Task<bool> TryInsertAsync(PhoneCall phoneCall, CancellationToken cancellationToken = default);

    Task<PhoneCall?> FindBySidAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>The call's events, in the carrier's order (sequence number, then time).</summary>
    Task<IReadOnlyList<CallEvent>> EventsAsync(Guid callId, CancellationToken cancellationToken = default);

    /// <summary>Records one status event and moves the call forward if it is further along; see <see cref="WebhookOutcome"/>.</summary>
    Task<WebhookOutcome> ApplyAsync(CallStatusChange change, CancellationToken cancellationToken = default);
}
