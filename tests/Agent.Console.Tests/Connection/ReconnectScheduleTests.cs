using System.Net;
using AgentConsole.Connection;
using Microsoft.AspNetCore.SignalR.Client;

namespace Agent.Console.Tests.Connection;

public sealed class ReconnectScheduleTests
{
    [Fact]
    public void NextRetryDelay_Attempts_FollowTheScheduleAndStayAtThirtySecondsForEver()
    {
        var schedule = new ReconnectSchedule();
        var told = new List<TimeSpan>();
        schedule.Scheduled += told.Add;

        var delays = new[] { 0, 1, 2, 3, 4, 5, 6, 100, 100_000 }
            .Select(n => schedule.NextRetryDelay(new RetryContext { PreviousRetryCount = n, RetryReason = new IOException("lost") }))
            .ToList();

        Assert.Equal(new[] { 0, 1, 2, 5, 10, 30, 30, 30, 30 }.Select(s => (TimeSpan?)TimeSpan.FromSeconds(s)), delays);
        Assert.Equal(delays.Select(d => d!.Value), told);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public void NextRetryDelay_TokenRefused_StopsSoTheAgentSignsInAgain(HttpStatusCode status)
    {
        var refused = new HttpRequestException("refused", null, status);

        Assert.Null(new ReconnectSchedule().NextRetryDelay(new RetryContext { PreviousRetryCount = 2, RetryReason = refused }));
    }

    [Fact]
    public void NextRetryDelay_HubAnsweredNotFound_KeepsTrying()
    {
        var missing = new HttpRequestException("no desk", null, HttpStatusCode.NotFound);

        Assert.Equal(TimeSpan.FromSeconds(5), new ReconnectSchedule().NextRetryDelay(new RetryContext { PreviousRetryCount = 3, RetryReason = missing }));
    }

    [Fact]
    public void DelayBefore_NegativeAttempt_IsImmediate()
    {
        Assert.Equal(TimeSpan.Zero, ReconnectSchedule.DelayBefore(-1));
    }
}
