using AgentConsole.Desk;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Console.Tests.Desk;

public sealed class IdleLockTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    [Fact]
    public void LockIfIdle_BeforeTheTimeout_StaysOpen_AtIt_Locks()
    {
        var time = new FakeTimeProvider();
        var idle = new IdleLock(time, Timeout);

        time.Advance(Timeout - TimeSpan.FromSeconds(1));
        var early = idle.LockIfIdle();
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(early);
        Assert.True(idle.LockIfIdle());
        Assert.True(idle.IsLocked);
        Assert.False(idle.LockIfIdle()); // Locked once: the window is blanked once.
    }

    [Fact]
    public void Input_RestartsTheIdleTime_ButDoesNotUnlock()
    {
        var time = new FakeTimeProvider();
        var idle = new IdleLock(time, Timeout);

        time.Advance(TimeSpan.FromMinutes(10));
        idle.Input();
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(idle.LockIfIdle());
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(idle.LockIfIdle());
        idle.Input();

        Assert.True(idle.IsLocked);
    }

    [Fact]
    public void Unlock_OpensAndStartsTheIdleTimeAgain()
    {
        var time = new FakeTimeProvider();
        var idle = new IdleLock(time, Timeout);
        time.Advance(Timeout);
        Assert.True(idle.LockIfIdle());

        idle.Unlock();
        time.Advance(Timeout - TimeSpan.FromSeconds(1));

        Assert.False(idle.IsLocked);
        Assert.False(idle.LockIfIdle());
    }
}
