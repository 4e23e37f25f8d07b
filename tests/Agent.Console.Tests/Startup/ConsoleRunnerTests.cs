using AgentConsole.Startup;

namespace Agent.Console.Tests.Startup;

public sealed class ConsoleRunnerTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private int Run(params string[] args) =>
        ConsoleRunner.Run(AgentConsoleArguments.Parse(args, _ => null), _output, _error);

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
    public void Run_ValidSettings_PrintsThemAndTheDeskPlanAndExitsZero()
    {
        var code = Run("--hub-url", "https://hub.example.org", "--user", "agent.wang");

        Assert.Equal(ExitCodes.Ok, code);
        var text = _output.ToString();
        Assert.Contains("https://hub.example.org/ (from the command line)", text, StringComparison.Ordinal);
        Assert.Contains("agent.wang (from the command line)", text, StringComparison.Ordinal);
        Assert.Contains("agent desk", text, StringComparison.Ordinal);
        Assert.DoesNotContain("password:", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Run_NoUser_SaysItWillAsk()
    {
        Run();

        Assert.Contains("http://localhost:5080/ (default)", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("not set: you will be asked", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadUrl_PrintsErrorToStderrAndExitsWithUsageCode()
    {
        var code = Run("--hub-url", "nonsense");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.NotEqual(ExitCodes.Ok, code);
        Assert.Contains("error: --hub-url 'nonsense'", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
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
