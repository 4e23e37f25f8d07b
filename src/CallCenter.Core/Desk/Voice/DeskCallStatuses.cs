namespace CallCenter.Core.Desk.Voice;

/// <summary>Stored codes of <see cref="DeskCallRow.Status"/>.</summary>
public static class DeskCallStatuses
{
    public const string Connecting = "connecting";
    public const string Connected = "connected";
    public const string OnHold = "on-hold";
    public const string Transferring = "transferring";
    public const string Ended = "ended";
}
