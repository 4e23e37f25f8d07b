using CallCenter.Core.Scheduling;

namespace CallCenter.Core.Tests.Scheduling;

public sealed class SlotRulesTests
{
    private static readonly DateTime Nine = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Validate_WholeMinutesEndAfterStartCapacityOne_HasNoErrors()
    {
        Assert.Empty(SlotRules.Validate(Nine, Nine.AddMinutes(15), 1));
    }

    [Fact]
    public void Validate_StartWithSeconds_NamesStartsAt()
    {
        var errors = SlotRules.Validate(Nine.AddSeconds(30), Nine.AddMinutes(15), 1);

        Assert.Equal(["startsAt"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Validate_EndWithMilliseconds_NamesEndsAt()
    {
        var errors = SlotRules.Validate(Nine, Nine.AddMinutes(15).AddMilliseconds(1), 1);

        Assert.Equal(["endsAt"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-15)]
    public void Validate_EndNotAfterStart_NamesEndsAt(int minutes)
    {
        var errors = SlotRules.Validate(Nine, Nine.AddMinutes(minutes), 1);

        Assert.Contains(errors, e => e.Field == "endsAt" && e.Reason.Contains("after", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(SlotRules.MaxCapacity + 1)]
    public void Validate_CapacityOutOfRange_NamesCapacity(int capacity)
    {
        var errors = SlotRules.Validate(Nine, Nine.AddMinutes(15), capacity);

        Assert.Equal(["capacity"], errors.Select(e => e.Field));
    }
}
