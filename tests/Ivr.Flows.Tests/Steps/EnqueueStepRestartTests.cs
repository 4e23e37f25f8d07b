using System.Xml.Linq;
using Ivr.Flows.Execution;
using Ivr.Flows.Loading;
using Ivr.Flows.Tests.Support;
using Ivr.Flows.Values;

namespace Ivr.Flows.Tests.Steps;

/// <summary>A call in line outlives the hub process: every webhook may land on a hub that only has the stored session.</summary>
public sealed class EnqueueStepRestartTests
{
    private const string Menu = """{ "id": "pick", "type": "menu", "prompt": { "zh-CN": "按1", "en-US": "Press 1" }, "options": { "1": "queue" } }""";

    [Fact]
    public async Task CallbackFlow_RestartBeforeEveryWebhook_CarriesOn()
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow, arrange: EnqueueStepTests.TwoAhead).StartAsync("en-US");
        var stored = FlowJson.SerializeSession(run.Session);

        var hold = await ContinueOnNewHubAsync(run, stored, new FlowInput { Event = FlowEvent.Hold, Step = "queue", QueuePosition = 3 });
        Assert.Equal(["Say", "Gather"], Verbs(hold));
        stored = FlowJson.SerializeSession(hold.Session);

        var key = await ContinueOnNewHubAsync(run, stored, new FlowInput { Event = FlowEvent.HoldKey, Step = "queue", Digits = "1" });
        Assert.Equal(["Say", "Leave"], Verbs(key));
        Assert.Single(run.World.Callbacks);
        stored = FlowJson.SerializeSession(key.Session);

        var left = await ContinueOnNewHubAsync(run, stored, new FlowInput { Event = FlowEvent.QueueLeft, Step = "queue", Turn = 1, QueueResult = "leave" });

        Assert.True(left.Changed);
        Assert.Equal("bye", left.Session.CurrentStep);
        Assert.Equal(["Goodbye"], XDocument.Parse(left.Twiml).Descendants("Say").Select(s => s.Value));
        Assert.Empty(run.World.Left);
    }

    [Fact]
    public async Task QueueLeft_RepeatedAfterRestart_GetsSameAnswerAndLeavesOnce()
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow).StartAsync("en-US");
        var input = new FlowInput { Event = FlowEvent.QueueLeft, Step = "queue", Turn = 1, QueueResult = "queue-full" };

        var first = await ContinueOnNewHubAsync(run, FlowJson.SerializeSession(run.Session), input);
        var again = await ContinueOnNewHubAsync(run, FlowJson.SerializeSession(first.Session), input);

        Assert.False(again.Changed);
        Assert.Equal(first.Twiml, again.Twiml);
        Assert.Single(run.World.Left);
    }

    [Fact]
    public async Task Enqueue_KnownPatientFromMenu_IsPassedToQueue()
    {
        var patient = Guid.NewGuid();
        var json = EnqueueStepTests.Flow
            .Replace("\"start\": \"queue\"", "\"start\": \"pick\"", StringComparison.Ordinal)
            .Replace("\"steps\": [", "\"steps\": [ " + Menu + ",", StringComparison.Ordinal);
        var run = await FlowRun.Of(json).StartAsync("en-US");
        run.Session.Set(FlowVariables.PatientId, FlowValue.From(patient.ToString()));

        await run.PressAsync("1");

        Assert.Equal(patient, Assert.Single(run.World.Enqueued).PatientId);
        Assert.Contains("turn=2", run.Twiml.Root!.Element("Enqueue")!.Attribute("action")!.Value, StringComparison.Ordinal);
    }

    private static Task<FlowTurn> ContinueOnNewHubAsync(FlowRun run, string storedSession, FlowInput input) =>
        FlowEngine.ContinueAsync(run.Flow, FlowJson.DeserializeSession(storedSession), input, run.World.Services, FlowRun.Links, CancellationToken.None);

    private static List<string> Verbs(FlowTurn turn) => XDocument.Parse(turn.Twiml).Root!.Elements().Select(e => e.Name.LocalName).ToList();
}
