namespace CallCenter.Core.Wallboard.Alerts;

/// <summary>A raised alert as stored (<c>wallboard_alert</c>): the crossing, and whether it was emailed.</summary>
public sealed record WallboardAlertRecord(Guid Id, WallboardAlert Alert, string QueueDisplayName, bool Emailed);
