using Ivr.Flows.Execution;
using Ivr.Flows.Services;
using Ivr.Flows.Tests.Support;
using Ivr.Flows.Values;

namespace Ivr.Flows.Tests.Execution;

/// <summary>
/// Steps that disclose or change patient data run only for a verified caller: a rule of the engine, whatever the flow
/// file says. These flows have no numbers (so the validator lets them load) to show the engine refusing on its own.
/// </summary>
public sealed class VerifiedCallerRuleTests
{
    private static readonly Guid PatientId = Guid.Parse("0199a0b0-0000-7000-8000-000000000021");
    private static readonly Guid OtherPatientId = Guid.Parse("0199a0b0-0000-7000-8000-000000000022");
    private static readonly CallerProfile Patient = new(PatientId, "Li Na", "Na", "en-US", []);

    private const string CallerIdOnly = """
        {
          "id": "t", "languages": ["en-US"], "start": "who",
          "steps": [
            { "id": "who", "type": "identify", "known": "next", "unknown": "bye" },
            { "id": "next", "type": "appointment", "action": "next", "found": "read", "none": "bye" },
            { "id": "read", "type": "hangup", "prompt": { "en-US": "Your appointment is {appointment.time} with {appointment.doctor}" } },
            { "id": "bye", "type": "hangup", "prompt": { "en-US": "Goodbye" } }
          ]
        }
        """;

    private static FlowRun Known(string flow) => FlowRun.Of(flow, arrange: w =>
    {
        w.PatientsByPhone[FlowRun.CallerNumber] = Patient;
        w.Verifications[("20261234", "19800115")] = Patient;
        w.NextAppointments[PatientId] = new AppointmentSummary(Guid.NewGuid(), w.Time.GetUtcNow().AddDays(1), "booked", "IM", "Internal medicine", "Dr Zhang");
    });

    [Fact]
    public async Task Appointment_CallerRecognisedByCallerIdOnly_IsRefusedAndNothingIsRead()
    {
        var run = await Known(CallerIdOnly).StartAsync();

        Assert.DoesNotContain(run.Spoken, s => s.Contains("Dr Zhang", StringComparison.Ordinal));
        Assert.Equal(FlowValue.Null, run.Variable(FlowVariables.AppointmentDoctor));
        Assert.Contains(new VerificationRequired("next"), run.Last.Events);
        Assert.Contains(new StepFailed("next", nameof(CallerNotVerifiedException)), run.Last.Events);
        Assert.True(run.Session.Ended);
    }

    [Fact]
    public async Task Appointment_FlowSetsPatientVerifiedItself_IsStillRefused()
    {
        var flow = CallerIdOnly.Replace(
            "\"known\": \"next\"", "\"known\": \"claim\"", StringComparison.Ordinal).Replace(
            "{ \"id\": \"next\",", "{ \"id\": \"claim\", \"type\": \"set\", \"variables\": { \"patient.verified\": \"true\" }, \"next\": \"next\" },\n    { \"id\": \"next\",", StringComparison.Ordinal);
        var run = await Known(flow).StartAsync();

        Assert.Equal(FlowValue.True, run.Variable(FlowVariables.PatientVerified));
        Assert.Contains(new VerificationRequired("next"), run.Last.Events);
        Assert.DoesNotContain(run.Spoken, s => s.Contains("Dr Zhang", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Appointment_VerifiedThenPatientIdChangedByTheFlow_IsRefused()
    {
        var flow = $$"""
            {
              "id": "t", "languages": ["en-US"], "start": "verify",
              "steps": [
                { "id": "verify", "type": "verify", "prompt": { "en-US": "Record number" }, "verified": "swap", "fallback": "bye" },
                { "id": "swap", "type": "set", "variables": { "patient.id": "'{{OtherPatientId}}'" }, "next": "next" },
                { "id": "next", "type": "appointment", "action": "next", "found": "read", "none": "bye" },
                { "id": "read", "type": "hangup", "prompt": { "en-US": "Your appointment is with {appointment.doctor}" } },
                { "id": "bye", "type": "hangup", "prompt": { "en-US": "Goodbye" } }
              ]
            }
            """;
        var run = await Known(flow).StartAsync();
        await run.PressAsync("20261234");

        await run.PressAsync("19800115");

        Assert.Equal(PatientId, run.Session.VerifiedPatientId);
        Assert.Contains(new VerificationRequired("next"), run.Last.Events);
        Assert.DoesNotContain(run.Spoken, s => s.Contains("Dr Zhang", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Appointment_AfterVerification_RunsForThatPatient()
    {
        var flow = CallerIdOnly.Replace("\"start\": \"who\"", "\"start\": \"verify\"", StringComparison.Ordinal).Replace(
            "{ \"id\": \"who\", \"type\": \"identify\", \"known\": \"next\", \"unknown\": \"bye\" }",
            "{ \"id\": \"verify\", \"type\": \"verify\", \"prompt\": { \"en-US\": \"Record number\" }, \"verified\": \"next\", \"fallback\": \"bye\" }",
            StringComparison.Ordinal);
        var run = await Known(flow).StartAsync();
        await run.PressAsync("20261234");

        await run.PressAsync("19800115");

        Assert.Contains(run.Spoken, s => s.Contains("Dr Zhang", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Last.Events, e => e is VerificationRequired);
    }

    [Fact]
    public async Task Appointment_CallTheHubPlacedToTheNumberOnRecord_Runs()
    {
        var run = Known(CallerIdOnly);
        var variables = new Dictionary<string, FlowValue>
        {
            [FlowVariables.CallSid] = FlowValue.From("CA0123456789abcdef0123456789abcdef"),
            [FlowVariables.From] = FlowValue.From(FlowRun.CallerNumber),
        };

        var turn = await FlowEngine.StartAsync(
            run.Flow, "v1", new FlowStart("CA0123456789abcdef0123456789abcdef", variables, VerifiedPatientId: PatientId),
            run.World.Services, FlowRun.Links, CancellationToken.None);

        Assert.Contains("Dr Zhang", turn.Twiml, StringComparison.Ordinal);
    }
}
