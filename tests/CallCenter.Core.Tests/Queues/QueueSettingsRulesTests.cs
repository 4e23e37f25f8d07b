using CallCenter.Core.Queues;
using CallCenter.Core.Wallboard;

namespace CallCenter.Core.Tests.Queues;

public sealed class QueueSettingsRulesTests
{
    private static readonly QueueSettings Valid = new() { Name = "cardiology-2", DisplayName = "Cardiology", RequiredSkills = ["cardiology"] };

    [Fact]
    public void Check_ValidSettings_HasNoErrors()
    {
        Assert.Empty(QueueSettingsRules.Check(Valid));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper")]
    [InlineData("with space")]
    [InlineData("under_score")]
    [InlineData("trailing\n")]
    public void Check_BadName_NamesName(string name)
    {
        Assert.Equal(["name"], Fields(Valid with { Name = name }));
    }

    [Fact]
    public void Check_NameOf65Characters_NamesName()
    {
        Assert.Equal(["name"], Fields(Valid with { Name = new string('a', 65) }));
        Assert.Empty(Fields(Valid with { Name = new string('a', 64) }));
    }

    [Fact]
    public void Check_BadAndRepeatedSkills_NamesEachByIndex()
    {
        Assert.Equal(["requiredSkills[1]", "requiredSkills[2]"], Fields(Valid with { RequiredSkills = ["ok", "Not Ok", "ok"] }));
    }

    [Theory]
    [InlineData(0, 600, 30, "serviceLevelSeconds")]
    [InlineData(20, 5, 30, "maxWaitSeconds")]
    [InlineData(20, 100_000, 30, "maxWaitSeconds")]
    [InlineData(700, 600, 30, "serviceLevelSeconds")]
    [InlineData(20, 600, -1, "wrapUpSeconds")]
    [InlineData(20, 600, 3601, "wrapUpSeconds")]
    public void Check_ThresholdOutOfRange_NamesIt(int serviceLevel, int maxWait, int wrapUp, string field)
    {
        Assert.Equal([field], Fields(Valid with { ServiceLevelSeconds = serviceLevel, MaxWaitSeconds = maxWait, WrapUpSeconds = wrapUp }));
    }

    [Fact]
    public void Check_UndefinedEnumValues_NameStrategyAndOverflowKind()
    {
        Assert.Equal(["strategy", "overflowKind"], Fields(Valid with { Strategy = (QueueStrategy)7, OverflowKind = (QueueOverflowKind)9 }));
    }

    [Fact]
    public void Check_OverflowToQueueWithoutTarget_NamesOverflowQueue()
    {
        Assert.Equal(["overflowQueue"], Fields(Valid with { OverflowKind = QueueOverflowKind.Queue }));
    }

    [Fact]
    public void Check_OverflowToItself_NamesOverflowQueue()
    {
        Assert.Equal(["overflowQueue"], Fields(Valid with { OverflowKind = QueueOverflowKind.Queue, OverflowQueue = Valid.Name }));
    }

    [Fact]
    public void Check_OverflowQueueWithVoicemail_NamesOverflowQueue()
    {
        Assert.Equal(["overflowQueue"], Fields(Valid with { OverflowKind = QueueOverflowKind.Voicemail, OverflowQueue = "general" }));
    }

    [Fact]
    public void Check_ThresholdsInOrder_HaveNoErrors()
    {
        var thresholds = new QueueThresholds
        {
            LongestWaitWarningSeconds = 0, LongestWaitCriticalSeconds = 120, ServiceLevelWarningPercent = 100, ServiceLevelCriticalPercent = 0,
            WaitingWarning = 3, WaitingCritical = 8,
        };

        Assert.Empty(Fields(Valid with { Thresholds = thresholds, ShortAbandonSeconds = 0 }));
    }

    [Theory]
    [InlineData(120, 120, "thresholds.longestWaitWarningSeconds")]
    [InlineData(121, 120, "thresholds.longestWaitWarningSeconds")]
    [InlineData(-1, null, "thresholds.longestWaitWarningSeconds")]
    [InlineData(null, -5, "thresholds.longestWaitCriticalSeconds")]
    public void Check_LongestWaitWarningNotBeforeCritical_NamesIt(int? warning, int? critical, string field)
    {
        var thresholds = new QueueThresholds { LongestWaitWarningSeconds = warning, LongestWaitCriticalSeconds = critical };

        Assert.Equal([field], Fields(Valid with { Thresholds = thresholds }));
    }

    [Theory]
    [InlineData(60, 80, "thresholds.serviceLevelWarningPercent")]
    [InlineData(70, 70, "thresholds.serviceLevelWarningPercent")]
    [InlineData(101, null, "thresholds.serviceLevelWarningPercent")]
    [InlineData(null, -1, "thresholds.serviceLevelCriticalPercent")]
    public void Check_ServiceLevelWarningNotAboveCritical_NamesIt(int? warning, int? critical, string field)
    {
        var thresholds = new QueueThresholds { ServiceLevelWarningPercent = warning, ServiceLevelCriticalPercent = critical };

        Assert.Equal([field], Fields(Valid with { Thresholds = thresholds }));
    }

    [Theory]
    [InlineData(5, 5, "thresholds.waitingWarning")]
    [InlineData(-1, 5, "thresholds.waitingWarning")]
    [InlineData(1, -2, "thresholds.waitingCritical")]
    public void Check_WaitingWarningNotBeforeCritical_NamesIt(int? warning, int? critical, string field)
    {
        var thresholds = new QueueThresholds { WaitingWarning = warning, WaitingCritical = critical };

        Assert.Equal([field], Fields(Valid with { Thresholds = thresholds }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(601)]
    public void Check_ShortAbandonSecondsOutOfRange_NamesIt(int seconds)
    {
        Assert.Equal(["shortAbandonSeconds"], Fields(Valid with { ShortAbandonSeconds = seconds }));
    }

    private static List<string> Fields(QueueSettings settings) => QueueSettingsRules.Check(settings).Select(e => e.Field).ToList();
}
