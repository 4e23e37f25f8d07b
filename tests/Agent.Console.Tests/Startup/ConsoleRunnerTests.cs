using AgentConsole.Startup;

namespace Agent.Console.Tests.Startup;

public sealed class ConsoleRunnerTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private AgentConsoleOptions? _deskRanWith;

    private int Run(params string[] args) =>
        ConsoleRunner.Run(AgentConsoleArguments.Parse(args, _ => null), _output, _error, options =>
        {
            _deskRanWith = options;
            return 7;
        });

    [Fact]
    public void Run_Help_PrintsUsageAndExitsZero()
    {
        var code = Run("--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("--hub-url", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains(AgentConsoleArguments.HubUrlVariable, _output.ToString(), StringComparison.Ordinal);
        Assert.Contains(AgentConsoleArguments.UserVariable, _output.ToString(), StringComparison.Ordinal);
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public void Run_ValidSettings_RunsTheDeskWithThemAndReturnsItsExitCode()
    {
        var code = Run("--hub-url", "https://hub.example.org", "--user", "agent.wang");

        Assert.Equal(7, code);
        Assert.Equal(new Uri("https://hub.example.org"), _deskRanWith!.HubUrl);
        Assert.Equal("agent.wang", _deskRanWith.UserName);
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public void Run_Help_DoesNotStartTheDesk()
    {
        Run("--help");

        Assert.Null(_deskRanWith);
    }

    [Fact]
    public void Run_BadUrl_PrintsErrorToStderrAndExitsWithUsageCode()
    {
        var code = Run("--hub-url", "nonsense");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.NotEqual(ExitCodes.Ok, code);
        Assert.Contains("error: --hub-url 'nonsense'", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
        Assert.Null(_deskRanWith);
    }

    [Fact]
    public void Run_PasswordArgument_NeverEchoesIt()
    {
        var code = Run("--password", "TopSecret-123");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.DoesNotContain("TopSecret-123", _error.ToString() + _output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
    }
}
