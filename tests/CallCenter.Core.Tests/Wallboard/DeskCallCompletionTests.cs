using CallCenter.Core.Desk.Voice;
using CallCenter.Core.Wallboard;

namespace CallCenter.Core.Tests.Wallboard;

/// <summary>Which ends of an agent's part of a call are a completed call, and who ended it.</summary>
public sealed class DeskCallCompletionTests
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private static readonly DeskCallRow Connected = new()
    {
        CallSid = "CA1", OfferId = Guid.NewGuid(), AgentId = Guid.NewGuid(), QueueName = "general", Status = DeskCallStatuses.Connected,
        Leg = 1, ConnectedAt = T0, StartedAt = T0.AddSeconds(-3), Version = 2,
    };

    [Theory]
    [InlineData(DeskEndReasons.AgentHungUp, "agent")]
    [InlineData(DeskEndReasons.CallerHungUp, "caller")]
    [InlineData(DeskEndReasons.Transferred, "transfer")]
    public void Of_ConnectedCallEnded_IsCompletedWithTalkAndWhoEnded(string reason, string detail)
    {
        var completed = DeskCallCompletion.Of(Connected, Connected.EndAgentPart(reason, T0.AddSeconds(75))!);

        Assert.NotNull(completed);
        Assert.Equal(
            (QueueEventKind.Completed, "general", (Guid?)Connected.AgentId, (TimeSpan?)TimeSpan.FromSeconds(75), detail, T0.AddSeconds(75)),
            (completed.Kind, completed.QueueName, completed.AgentId, completed.Talk, completed.Detail, completed.OccurredAt));
    }

    [Fact]
    public void Of_NeverConnectedOrNotEnding_IsNothing()
    {
        var connecting = Connected with { Status = DeskCallStatuses.Connecting, ConnectedAt = null };

        Assert.Null(DeskCallCompletion.Of(connecting, connecting.EndAgentPart(DeskEndReasons.CallerHungUp, T0)!));
        Assert.Null(DeskCallCompletion.Of(Connected, Connected.EndAgentPart(DeskEndReasons.Requeued, T0)!));
        Assert.Null(DeskCallCompletion.Of(Connected, Connected with { Status = DeskCallStatuses.OnHold }));
        var ended = Connected.EndAgentPart(DeskEndReasons.Transferred, T0)! with { Status = DeskCallStatuses.Transferring };
        Assert.Null(DeskCallCompletion.Of(ended, ended with { Status = DeskCallStatuses.Ended }));
    }
}
