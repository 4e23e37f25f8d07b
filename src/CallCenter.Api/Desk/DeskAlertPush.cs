using AgentDesk.Contracts;
using CallCenter.Core.Wallboard.Alerts;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Api.Desk;

/// <summary>Pushes each wallboard alert to the desks of supervisors and admins connected to this process (never to agents).</summary>
internal sealed class DeskAlertPush(IHubContext<AgentDeskHub, IAgentDeskClient> hub) : IWallboardAlertListener
{
    public Task AlertRaisedAsync(WallboardAlertRecord alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var a = alert.Alert;
        return hub.Clients.Group(AgentDeskHub.SupervisorsGroup).AlertRaised(new DeskAlert
        {
            Id = alert.Id,
            Queue = a.Queue,
            QueueDisplayName = alert.QueueDisplayName,
            Metric = a.Metric,
            Level = a.Level.ToCode(),
            Previous = a.Previous.ToCode(),
            Value = a.Value,
            Threshold = a.Threshold,
            At = DateTime.SpecifyKind(a.At, DateTimeKind.Utc),
        });
    }
}
