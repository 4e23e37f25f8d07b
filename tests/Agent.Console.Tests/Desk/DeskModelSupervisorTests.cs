using AgentConsole.Desk;
using AgentDesk.Contracts;
using Microsoft.Extensions.Time.Testing;
using static Agent.Console.Tests.Desk.DeskSamples;

namespace Agent.Console.Tests.Desk;

public sealed class DeskModelSupervisorTests
{
    private readonly FakeTimeProvider _time = new(HubNow);
    private readonly DeskModel _model;

    public DeskModelSupervisorTests() => _model = new DeskModel(_time, new Uri("http://hub.test:5080"), TimeZoneInfo.Utc);

    [Fact]
    public void AlertRaised_UpToCritical_ShowsAnErrorLineWithValueAndThreshold()
    {
        _model.OnAlertRaised(Alert("longest-wait", "critical", 131.4, 120));

        Assert.Equal("ALERT CRITICAL: Appointments longest wait 131.4s (threshold 120s).", _model.LastNotice!.Text);
        Assert.True(_model.LastNotice.IsError);
    }

    [Fact]
    public void AlertRaised_BackToNormal_ShowsAPlainLine()
    {
        _model.OnAlertRaised(Alert("service-level", "normal", 85, null));

        Assert.Equal("Alert cleared: Appointments service level back to normal (85%).", _model.LastNotice!.Text);
        Assert.False(_model.LastNotice.IsError);
    }

    [Fact]
    public void SignedOut_ShowsWhoSignedTheAgentOut()
    {
        _model.OnSignedOut(new DeskSignedOut("supervisor1", HubNow));

        Assert.Equal("Signed out by supervisor supervisor1. Start the console again to sign in.", _model.LastNotice!.Text);
        Assert.True(_model.LastNotice.IsError);
    }

    private static DeskAlert Alert(string metric, string level, double value, double? threshold) => new()
    {
        Id = Guid.NewGuid(), Queue = "appointments", QueueDisplayName = "Appointments", Metric = metric, Level = level,
        Previous = level == "normal" ? "warning" : "normal", Value = value, Threshold = threshold, At = HubNow,
    };
}
