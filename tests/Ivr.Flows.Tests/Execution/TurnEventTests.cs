using Ivr.Flows.Execution;
using Ivr.Flows.Loading;
using Ivr.Flows.Services;
using Ivr.Flows.Tests.Steps;
using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Execution;

/// <summary>What a turn reports to the hub as typed events: the hub acts on these, never on the trace's text.</summary>
public sealed class TurnEventTests
{
    private const string VerifyFlow = """
        {
          "id": "t", "languages": ["en-US"], "start": "hello",
          "steps": [
            { "id": "hello", "type": "say", "prompt": { "en-US": "Hello" }, "next": "menu" },
            { "id": "menu", "type": "menu", "prompt": { "en-US": "Press 1" }, "options": { "1": "dob" }, "fallback": "bye" },
            { "id": "dob", "type": "verify", "method": "mrn", "retries": 2,
              "prompt": { "en-US": "Enter your record number" },
              "birthDatePrompt": { "en-US": "Enter your date of birth" },
              "invalidPrompt": { "en-US": "That does not match" },
              "verified": "queue", "fallback": "bye" },
            { "id": "queue", "type": "enqueue", "queue": "appointments", "next": "bye" },
            { "id": "bye", "type": "hangup", "prompt": { "en-US": "Goodbye" } }
          ]
        }
        """;

    private const string BirthDate = "19800115";
    private const string Mrn = "20261234";
    private static readonly Guid PatientId = Guid.Parse("0199a0b0-0000-7000-8000-000000000009");
    private static readonly CallerProfile Patient = new(PatientId, "Li Na", "Na", "en-US", []);

    private static FlowRun Verifying() => FlowRun.Of(VerifyFlow, arrange: w =>
        w.Verifications[(Mrn, BirthDate)] = Patient);

    [Fact]
    public async Task Start_ReportsEachStepEnteredInOrder()
    {
        var run = await Verifying().StartAsync();

        Assert.Equal([new StepEntered("hello", "say"), new StepEntered("menu", "menu")], run.Last.Events);
    }

    [Fact]
    public async Task Continue_BadThenMalformedThenRightBirthDate_ReportsFailuresThenVerifiedAndEnqueued()
    {
        var run = await Verifying().StartAsync();
        await run.PressAsync("1");

        await run.PressAsync(Mrn);
        await run.PressAsync("19800116");
        Assert.Equal([new VerificationFailed("dob", VerificationMethod.Mrn, Malformed: false)], run.Last.Events);

        await run.PressAsync(Mrn);
        await run.PressAsync("1980");
        Assert.Equal([new VerificationFailed("dob", VerificationMethod.Mrn, Malformed: true)], run.Last.Events);

        await run.PressAsync(Mrn);
        await run.PressAsync(BirthDate);
        Assert.Equal(
            [new CallerVerified("dob", VerificationMethod.Mrn), new StepEntered("queue", "enqueue"), new Enqueued("queue", "appointments")],
            run.Last.Events);
        Assert.True(run.Session.PatientVerified);
        Assert.Equal(["1"], run.Session.MenuPath);
    }

    [Fact]
    public async Task Events_NeverHoldWhatTheCallerTyped()
    {
        var run = await Verifying().StartAsync();
        await run.PressAsync("1");
        await run.PressAsync(Mrn);
        await run.PressAsync("19800116");
        var failed = run.Last.Events.ToList();
        await run.PressAsync(Mrn);
        await run.PressAsync(BirthDate);

        var reported = string.Join("|", failed.Concat(run.Last.Events));
        Assert.DoesNotContain("19800116", reported, StringComparison.Ordinal);
        Assert.DoesNotContain(BirthDate, reported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_RepeatedWebhook_ReportsNothing()
    {
        var run = await Verifying().StartAsync();
        var first = run.Session.Turn;
        await run.PressAsync("1");

        var repeat = await FlowEngine.ContinueAsync(
            run.Flow, run.Session, new FlowInput { Event = FlowEvent.Gathered, Step = "menu", Turn = first, Digits = "1" },
            run.World.Services, FlowRun.Links, CancellationToken.None);

        Assert.False(repeat.Changed);
        Assert.Empty(repeat.Events);
    }

    [Fact]
    public async Task Start_PortFails_ReportsTheFailingStepAndOnlyTheErrorType()
    {
        var run = FlowRun.Of(EnqueueStepTests.Flow, arrange: w => w.Failure = new InvalidOperationException("queue of +8613800138000 is down"));

        await run.StartAsync();

        var failed = Assert.Single(run.Last.Events.OfType<StepFailed>());
        Assert.Equal(new StepFailed("queue", nameof(InvalidOperationException)), failed);
        Assert.DoesNotContain(run.Last.Events, e => e is Enqueued);
    }

    [Fact]
    public async Task End_StepFailsToLetGo_ReportsStepFailed()
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow).StartAsync();
        run.World.Failure = new TimeoutException("database");

        var turn = await FlowEngine.EndAsync(run.Flow, run.Session, "completed", run.World.Services, FlowRun.Links, CancellationToken.None);

        Assert.Equal([new StepFailed("queue", nameof(TimeoutException))], turn.Events);
    }

    [Fact]
    public async Task TypedAccessors_AreNotStoredTwice()
    {
        var run = await Verifying().StartAsync();
        await run.PressAsync("1");

        var json = FlowJson.SerializeSession(run.Session);

        Assert.DoesNotContain("\"menuPath\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"patientVerified\"", json, StringComparison.Ordinal);
        Assert.Equal(["1"], FlowJson.DeserializeSession(json).MenuPath);
    }
}
