using CallCenter.Core.Cases;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.Console.Tests.Terminal;

/// <summary>
/// A complaint at wrap-up, in a real 80x24 terminal: the agent picks the complaint disposition, then the case's
/// category and severity in the second form; the case the hub opens has them.
/// </summary>
public sealed class ComplaintWrapUpTerminalTests
{
    private const string Password = "Desk-Password-For-Tests-1";

    [Fact]
    public async Task WrapUp_ComplaintDisposition_AgentPicksCategoryAndSeverity()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        var user = await DeskHub.CreateAgentAsync(database, Password);
        await using var hub = DeskHub.Start(database, DeskHub.FreePort());
        using var carrier = hub.CreateHttpClient();
        var number = UniqueData.ChinaMobile();
        var patientId = await HubData.AddPatientAsync(carrier, user, Password, "Li Na", number);
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
        await terminal.WaitForAsync("RINGING");
        terminal.SendKeys("a");
        await terminal.WaitForAsync("ON CALL");
        await phone.WaitForAsync(c => c.Transcript.Any(l => l.Kind == "connected"), "the caller connected to the agent");
        terminal.SendKeys("x");
        await terminal.WaitForAsync("WRAP-UP due");

        terminal.SendKeys("w");
        await terminal.WaitForAsync("Disposition:");
        terminal.Type("Kept waiting and spoken to rudely");
        terminal.SendKeys("Tab");
        // resolved, appointment-booked, appointment-changed, callback-scheduled, information-given, complaint-logged
        terminal.SendKeys("Down", "Down", "Down", "Down", "Down");
        terminal.SendKeys("Enter");
        await terminal.WaitForAsync("Complaint case");
        // Categories: service (the default) first, then waiting-time, staff-attitude; severities: medium, low, high.
        terminal.SendKeys("Down", "Down");
        terminal.SendKeys("Tab");
        terminal.SendKeys("Down", "Down");
        terminal.SendKeys("Enter");

        await terminal.WaitForAsync("Wrapped up.");
        var opened = Assert.Single(await hub.Services.GetRequiredService<ICaseRepository>().ActiveForPatientAsync(patientId));
        Assert.Equal(("staff-attitude", "high", "Kept waiting and spoken to rudely"), (opened.Category, opened.Severity, opened.Description));
    }
}
