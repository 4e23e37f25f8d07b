using System.Diagnostics;
using System.Net.Http.Json;
using CallCenter.Core.FollowUps;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Agent.Console.Tests.Terminal;

/// <summary>
/// Working the follow-up call list as an agent does, in a real 80x24 terminal: a department's plan put a call on the
/// list after a completed visit; F lists it, opens it (the patient's screen-pop and the questions), dials the patient
/// through the carrier simulator (the agent's phone first, then the patient's, which answers), and records the answers
/// and the outcome.
/// </summary>
public sealed class FollowUpTerminalTests
{
    private const string Password = "Desk-Password-For-Tests-1";

    [Fact]
    public async Task FollowUps_PlanCallOnTheList_OpenDialAnswerAndRecordReached()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        var user = await DeskHub.CreateAgentAsync(database, Password);
        await using var hub = DeskHub.Start(database, DeskHub.FreePort());
        using var carrier = hub.CreateHttpClient();
        var patient = await FollowUpData.PlanCallAsync(hub, "Wang Fang");
        using var terminal = TmuxTerminal.Start(AgentConsoleProcess.Command("--hub-url", hub.BaseAddress.ToString(), "--user", user));
        await terminal.WaitForAsync("Password:");
        await terminal.WaitForFocusBelowAsync("Password:");
        terminal.Type(Password);
        terminal.SendKeys("Enter");
        await terminal.WaitForAsync("Connected |");

        terminal.SendKeys("f");
        var list = await terminal.WaitForAsync("Follow-up calls (1, due first)");
        Assert.Contains("plan-call", list, StringComparison.Ordinal);
        Assert.Contains("day 1 after the visit", list, StringComparison.Ordinal);
        terminal.SendKeys("Enter");
        // The card's last line: the header can be on screen a frame before the questions are.
        var open = await terminal.WaitForAsync("Q2 Any pain left?");
        Assert.Contains("FOLLOW-UP plan-call", open, StringComparison.Ordinal);
        Assert.Contains("Patient: Wang Fang", open, StringComparison.Ordinal);
        Assert.Contains("Q1 Happy with the visit?", open, StringComparison.Ordinal);

        terminal.SendKeys("f");
        await terminal.WaitForAsync("Dial the patient");
        terminal.SendKeys("Enter");
        await terminal.WaitForAsync("Dialling: your phone rings first");
        var patientNumber = patient.Phones[0].E164;
        await ConnectedAsync(carrier, "client:" + user, patientNumber);

        terminal.SendKeys("f");
        await terminal.WaitForAsync("Record the outcome");
        terminal.SendKeys("Down");
        terminal.SendKeys("Enter");
        await terminal.WaitForAsync("Follow-up outcome");
        await terminal.WaitForFocusBelowAsync("Q1 Happy with the visit?");
        terminal.Type("5");
        terminal.SendKeys("Tab");
        terminal.Type("1");
        terminal.SendKeys("Tab");
        terminal.SendKeys("Tab");
        terminal.SendKeys("Tab");
        terminal.Type("doing fine");
        terminal.SendKeys("Enter");

        await terminal.WaitForAsync("Follow-up recorded: reached.");
        var done = (await hub.Services.GetRequiredService<IFollowUpWorkRepository>().ListAsync(new FollowUpQuery { Kind = FollowUpKinds.PlanCall }, null)).Items;
        var followUp = Assert.Single(done, f => f.PatientId == patient.Id);
        Assert.Equal((FollowUpStatuses.Done, FollowUpOutcomes.Reached, 1), (followUp.Status, followUp.Outcome, followUp.Attempts));
    }

    /// <summary>Waits for the simulator's call to the agent's phone to connect the patient's number.</summary>
    private static async Task ConnectedAsync(HttpClient carrier, string agentPhone, string patientNumber)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var calls = (await carrier.GetFromJsonAsync<List<SimulatedCall>>("/simulator/calls?number=" + Uri.EscapeDataString(agentPhone)))!;
            foreach (var placed in calls)
            {
                var call = (await carrier.GetFromJsonAsync<SimulatedCall>($"/simulator/calls/{placed.CallSid}"))!;
                if (call.Transcript.Any(l => l.Kind == "connected" && l.Text == patientNumber))
                {
                    return;
                }
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"Waited 30s for the agent's phone to connect the patient; calls: {calls.Count}");
            }

            await Task.Delay(100);
        }
    }
}
