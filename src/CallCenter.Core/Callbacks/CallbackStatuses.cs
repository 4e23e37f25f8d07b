using CallCenter.Core.Queues;

namespace CallCenter.Core.Callbacks;

/// <summary>The statuses of a callback request (<c>callback_request.status</c>).</summary>
public static class CallbackStatuses
{
    /// <summary>Waits for its due time; the callback job claims it then.</summary>
    public const string Scheduled = "scheduled";

    /// <summary>Held by one job run (<c>claim_token</c>) while it decides: defer, hand to the router or dial.</summary>
    public const string Claimed = "claimed";

    /// <summary>Agent-first: in line for an agent (the router offers it).</summary>
    public const string Requested = QueueStatuses.Requested;

    /// <summary>Agent-first: ringing at an agent's desk.</summary>
    public const string Offered = QueueStatuses.Offered;

    /// <summary>Agent-first: an agent accepted it; the patient is dialled from the desk.</summary>
    public const string Assigned = QueueStatuses.Assigned;

    /// <summary>Customer-first: the patient's phone is ringing.</summary>
    public const string Dialling = "dialling";

    /// <summary>The patient answered (and was connected to an agent or put in line).</summary>
    public const string Done = "done";

    /// <summary>The attempts ran out; a follow-up task is open for a person.</summary>
    public const string Failed = "failed";

    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Scheduled, Claimed, Requested, Offered, Assigned, Dialling, Done, Failed, Cancelled];

    /// <summary>Not over yet: a supervisor may still reassign it.</summary>
    public static bool IsOpen(string status) => status is not (Done or Failed or Cancelled);
}
