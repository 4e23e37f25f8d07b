using CallCenter.Testing;

namespace Agent.Console.Tests.Terminal;

/// <summary>Starting and signing in, as an agent does it: in a real 80x24 terminal (tmux), against a real hub.</summary>
public sealed class SignInTerminalTests
{
    private const string Password = "Desk-Password-For-Tests-1";

    [Fact]
    public async Task SignIn_WrongPassword_SaysRefusedThenTheRightOneOpensTheDesk()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        var user = await DeskHub.CreateAgentAsync(database, Password);
        await using var hub = DeskHub.Start(database, DeskHub.FreePort());
        using var terminal = TmuxTerminal.Start(AgentConsoleProcess.Command("--hub-url", hub.BaseAddress.ToString(), "--user", user));

        await terminal.WaitForAsync("Password:");
        await terminal.WaitForFocusBelowAsync("Password:");
        Assert.Contains(user, terminal.Screen(), StringComparison.Ordinal);
        terminal.Type("not-the-password");
        terminal.SendKeys("Enter");
        var refused = await terminal.WaitForAsync("Sign-in refused: The user name or password is wrong");
        Assert.DoesNotContain("not-the-password", refused, StringComparison.Ordinal);

        terminal.Type(Password);
        terminal.SendKeys("Enter");
        await terminal.WaitForAsync(DeskWindowText.HotkeysStart);
    }

    [Fact]
    public async Task SignIn_HubNotRunning_SaysUnreachableAtItsUrlAndKeepsTrying()
    {
        var url = $"http://127.0.0.1:{DeskHub.FreePort()}/";
        using var terminal = TmuxTerminal.Start(AgentConsoleProcess.Command("--hub-url", url, "--user", "agent.nobody"));
        await terminal.WaitForAsync("Password:");
        await terminal.WaitForFocusBelowAsync("Password:");
        terminal.Type("any-password");
        terminal.SendKeys("Enter");

        await terminal.WaitForAsync($"Hub unreachable at {url}");
        await terminal.WaitForAsync("retrying in");
    }

    [Fact]
    public async Task CtrlQ_OnTheSignInForm_QuitsWithExitCodeZero()
    {
        using var terminal = TmuxTerminal.Start(AgentConsoleProcess.Command("--hub-url", $"http://127.0.0.1:{DeskHub.FreePort()}/"));
        await terminal.WaitForAsync("Password:");

        terminal.SendKeys("C-q");

        Assert.Equal(0, await terminal.WaitForExitAsync());
    }

    [Fact]
    public async Task Help_PrintsUsageAndExitsWithZero()
    {
        using var terminal = TmuxTerminal.Start(AgentConsoleProcess.Command("--help"));

        Assert.Equal(0, await terminal.WaitForExitAsync());
        Assert.Contains("CALLCENTER_USER", terminal.Screen(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PasswordArgument_RefusedWithUsageExitCode()
    {
        using var terminal = TmuxTerminal.Start(AgentConsoleProcess.Command("--password", "secret-on-the-command-line"));

        Assert.Equal(2, await terminal.WaitForExitAsync());
        var screen = terminal.Screen();
        Assert.Contains("you will be asked for it", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-on-the-command-line", screen, StringComparison.Ordinal);
    }
}
