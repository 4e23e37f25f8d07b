using CallCenter.Testing;

namespace Agent.Console.Tests.Terminal;

/// <summary>
/// The desk connected, as an agent uses it: in a real 80x24 terminal (tmux), against a real hub on a real port.
/// </summary>
public sealed class DeskTerminalTests
{
    private const string Password = "Desk-Password-For-Tests-1";

    [Fact]
    public async Task Start_HubNotRunningYet_SaysUnreachableAndConnectsByItselfOnceItStarts()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        var user = await DeskHub.CreateAgentAsync(database, Password);
        var port = DeskHub.FreePort();
        var url = $"http://127.0.0.1:{port}/";
        using var terminal = TmuxTerminal.Start(AgentConsoleProcess.Command("--hub-url", url, "--user", user));
        await terminal.WaitForAsync("Password:");
        await terminal.WaitForFocusBelowAsync("Password:");
        terminal.Type(Password);
        terminal.SendKeys("Enter");

        await terminal.WaitForAsync($"Hub unreachable at {url}");
        await using var hub = DeskHub.Start(database, port);

        var desk = await terminal.WaitForAsync("Connected |", TimeSpan.FromSeconds(60));
        Assert.Contains(DeskWindowText.HotkeysStart, desk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task F2_SignedIn_StatusLineShowsAvailableWithTimeInState()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        var user = await DeskHub.CreateAgentAsync(database, Password);
        await using var hub = DeskHub.Start(database, DeskHub.FreePort());
        using var terminal = TmuxTerminal.Start(AgentConsoleProcess.Command("--hub-url", hub.BaseAddress.ToString(), "--user", user));
        await terminal.WaitForAsync("Password:");
        await terminal.WaitForFocusBelowAsync("Password:");
        terminal.Type(Password);
        terminal.SendKeys("Enter");
        await terminal.WaitForAsync("Connected |");

        terminal.SendKeys("F2");

        await terminal.WaitForAsync(s => s.Split('\n')[0].Contains("State: available 00:", StringComparison.Ordinal), "the status line saying available");
    }
}
