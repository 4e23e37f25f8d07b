namespace CallCenter.Core.Wallboard.Alerts;

/// <summary>Told of each alert after it committed, on the node that raised it (the desk pushes it to supervisors).</summary>
public interface IWallboardAlertListener
{
    Task AlertRaisedAsync(WallboardAlertRecord alert, CancellationToken cancellationToken = default);
}
