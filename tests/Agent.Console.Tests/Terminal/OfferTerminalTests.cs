using CallCenter.Testing;

namespace Agent.Console.Tests.Terminal;

/// <summary>
/// Taking a call as an agent does: a patient calls the hotline through the carrier simulator and asks for an agent;
/// the desk in a real 80x24 terminal rings with the screen-pop, the agent accepts, hangs up and wraps up.
/// </summary>
public sealed class OfferTerminalTests
{
    private const string Password = "Desk-Password-For-Tests-1";

    [Fact]
    public async Task Offer_KnownPatientCalls_ScreenPopAcceptHangUpAndWrapUp()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        var user = await DeskHub.CreateAgentAsync(database, Password);
        await using var hub = DeskHub.Start(database, DeskHub.FreePort());
        using var carrier = hub.CreateHttpClient();
        var number = UniqueData.ChinaMobile();
        await HubData.AddPatientAsync(carrier, user, Password, "Chen Jing", number);
        using var terminal = TmuxTerminal.Start(AgentConsoleProcess.Command("--hub-url", hub.BaseAddress.ToString(), "--user", user));
        await terminal.WaitForAsync("Password:");
        await terminal.WaitForFocusBelowAsync("Password:");
        terminal.Type(Password);
        terminal.SendKeys("Enter");
        await terminal.WaitForAsync("Connected |");
        terminal.SendKeys("F2");
        await terminal.WaitForAsync("State: available");

        var phone = await CallerPhone.CallAsync(carrier, number);
        await phone.PressAtFirstMenuAsync("0");

        var ringing = await terminal.WaitForAsync("RINGING");
        Assert.Contains("Patient: Chen Jing", ringing, StringComparison.Ordinal);
        Assert.Contains("diabetes", ringing, StringComparison.Ordinal);
        Assert.Contains("IVR: lang zh-CN, keys 0", ringing, StringComparison.Ordinal);
        Assert.Contains("rings out in", ringing, StringComparison.Ordinal);
        Assert.Contains("State: reserved", ringing, StringComparison.Ordinal);

        terminal.SendKeys("a");
        var onCall = await terminal.WaitForAsync("ON CALL");
        Assert.Contains("Patient: Chen Jing", onCall, StringComparison.Ordinal);
        await phone.WaitForAsync(c => c.Transcript.Any(l => l.Kind == "connected"), "the caller connected to the agent");

        terminal.SendKeys("x");
        await terminal.WaitForAsync("WRAP-UP due");
        terminal.SendKeys("w");
        await terminal.WaitForAsync("Disposition:");
        // The form starts in the notes; Enter sends it with the first disposition.
        terminal.Type("Asked about her next visit");
        terminal.SendKeys("Enter");

        await terminal.WaitForAsync("Wrapped up.");
        await terminal.WaitForAsync(s => !s.Contains("State: wrap-up", StringComparison.Ordinal), "the agent out of wrap-up");
    }
}
