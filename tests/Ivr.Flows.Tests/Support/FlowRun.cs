using System.Xml.Linq;
using Ivr.Flows.Execution;
using Ivr.Flows.Loading;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;
using Microsoft.Extensions.Time.Testing;

namespace Ivr.Flows.Tests.Support;

/// <summary>
/// Drives one call (or SMS conversation) through a flow written inline, the way the hub does: start, then feed each
/// webhook's input for the step and turn the last answer named. Keeps the last TwiML parsed for assertions.
/// </summary>
internal sealed class FlowRun
{
    public const string CallerNumber = "+8613800138000";
    public const string HotlineNumber = "+861058000000";
    public const string VoiceUrl = "https://hub.example/twilio/voice/flow";

    private FlowRun(FlowDefinition flow, FakeWorld world, FakeTimeProvider time)
    {
        Flow = flow;
        World = world;
        Time = time;
    }

    public FlowDefinition Flow { get; }

    public FakeWorld World { get; }

    public FakeTimeProvider Time { get; }

    public FlowSession Session { get; private set; } = null!;

    public FlowTurn Last { get; private set; } = null!;

    /// <summary>
    /// Starts the session verified for this patient, as for a call the hub placed to the number on record: for tests
    /// of steps that need a verified caller, whose subject is not verification.
    /// </summary>
    public Guid? VerifiedPatientId { get; set; }

    public XDocument Twiml => XDocument.Parse(Last.Twiml);

    public static FlowLinks Links { get; } = new(VoiceUrl);

    /// <summary>Loads <paramref name="json"/> (which must be valid) into a run on a fake clock (default 2026-11-23 10:00 Shanghai).</summary>
    public static FlowRun Of(string json, DateTimeOffset? now = null, Action<FakeWorld>? arrange = null, Guid? verified = null)
    {
        var time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var world = new FakeWorld(time);
        arrange?.Invoke(world);
        var result = FlowLoader.Load("test.json", json, Catalog(world));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The test flow is invalid: " + string.Join("; ", result.Errors));
        }

        return new FlowRun(result.Flow!, world, time) { VerifiedPatientId = verified };
    }

    public static FlowCatalog Catalog(FakeWorld world) => new(world.Queues, world.Departments, world.Endpoints);

    /// <summary>Validates <paramref name="json"/> and returns its errors (empty when valid).</summary>
    public static IReadOnlyList<FlowError> Errors(string json) =>
        FlowLoader.Load("test.json", json, Catalog(new FakeWorld(TimeProvider.System))).Errors;

    public async Task<FlowRun> StartAsync(string? language = null, string from = CallerNumber, string? smsBody = null)
    {
        var variables = new Dictionary<string, FlowValue>
        {
            [FlowVariables.CallSid] = FlowValue.From("CA0123456789abcdef0123456789abcdef"),
            [FlowVariables.From] = FlowValue.From(from),
            [FlowVariables.To] = FlowValue.From(HotlineNumber),
        };
        var input = smsBody is null ? null : new FlowInput { Event = FlowEvent.SmsReceived, Body = smsBody, Sid = "SM" + Guid.NewGuid().ToString("N") };
        Last = await FlowEngine.StartAsync(Flow, "v1", new FlowStart("CA0123456789abcdef0123456789abcdef", variables, language, input, VerifiedPatientId), World.Services, Links, CancellationToken.None);
        Session = Last.Session;
        return this;
    }

    /// <summary>Answers the current step with <paramref name="flowEvent"/>, using the turn the engine is at (as Twilio would).</summary>
    public async Task<FlowRun> SendAsync(FlowEvent flowEvent, Func<FlowInput, FlowInput>? fill = null)
    {
        var input = new FlowInput
        {
            Event = flowEvent,
            Step = Session.CurrentStep,
            Turn = flowEvent is FlowEvent.Hold or FlowEvent.HoldKey or FlowEvent.SmsReceived ? null : Session.Turn,
        };
        Last = await FlowEngine.ContinueAsync(Flow, Session, fill is null ? input : fill(input), World.Services, Links, CancellationToken.None);
        Session = Last.Session;
        return this;
    }

    public Task<FlowRun> PressAsync(string digits) => SendAsync(FlowEvent.Gathered, i => i with { Digits = digits });

    public Task<FlowRun> SayAsync(string speech) => SendAsync(FlowEvent.Gathered, i => i with { SpeechResult = speech });

    public Task<FlowRun> TimeoutAsync() => SendAsync(FlowEvent.Gathered);

    public Task<FlowRun> TextAsync(string body) =>
        SendAsync(FlowEvent.SmsReceived, i => i with { Body = body, Sid = "SM" + Guid.NewGuid().ToString("N") });

    /// <summary>Every spoken text of the last answer, in order (Say elements anywhere, including inside Gather).</summary>
    public IReadOnlyList<string> Spoken => Twiml.Descendants("Say").Select(s => s.Value).ToList();

    /// <summary>The names of the top-level verbs of the last answer.</summary>
    public IReadOnlyList<string> Verbs => Twiml.Root!.Elements().Select(e => e.Name.LocalName).ToList();

    public FlowValue Variable(string name) => Session.Get(name);
}
