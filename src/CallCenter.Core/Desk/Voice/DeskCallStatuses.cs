namespace CallCenter.Core.Desk.Voice;

/// <summary>
/// Stored codes of <see cref="DeskCallRow.Status"/> (<c>desk_work.call_status</c>). The first four are live: a call has
/// at most one agent's work in them (<c>UQ_desk_work_live_call</c>, migration 0012).
/// </summary>
public static class DeskCallStatuses
{
    public const string Connecting = "connecting";
    public const string Connected = "connected";
    public const string OnHold = "on-hold";
    public const string Transferring = "transferring";
    public const string Ended = "ended";
}
