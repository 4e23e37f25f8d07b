using CallCenter.Core.Wallboard;

namespace CallCenter.Core.Tests.Wallboard.Alerts;

/// <summary>Boards built by hand, with the levels a test wants.</summary>
internal static class AlertBoards
{
    public static readonly DateTime Now = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

    public static QueueBoard Queue(string? name, QueueLevels levels, QueueThresholds? thresholds = null) => new()
    {
        Queue = name,
        DisplayName = name ?? "Centre",
        Today = new PeriodFigures(),
        Last30Minutes = new PeriodFigures(),
        Agents = new AgentCounts(0, 0, 0, 0, 0),
        Thresholds = thresholds ?? QueueThresholds.None,
        Levels = levels,
    };

    public static WallboardSnapshot Of(params QueueBoard[] queues) => new()
    {
        At = Now,
        TimeZone = "Asia/Shanghai",
        Centre = Queue(null, QueueLevels.Normal),
        Queues = queues,
        Agents = [],
    };
}
