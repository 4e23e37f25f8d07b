using Ivr.Flows.Execution;
using Ivr.Flows.Loading;
using Ivr.Flows.Services;
using Ivr.Flows.Tests.Support;
using Ivr.Flows.Values;

namespace Ivr.Flows.Tests.Steps;

public sealed class VerifyStepTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["en-US"], "start": "who",
          "steps": [
            { "id": "who", "type": "identify", "known": "dob", "unknown": "mrn" },
            { "id": "dob", "type": "verify", "method": "birth-date", "retries": 1,
              "prompt": { "en-US": "Enter your date of birth" },
              "noInputPrompt": { "en-US": "We did not hear you" },
              "invalidPrompt": { "en-US": "That does not match" },
              "verified": "ok", "fallback": "agent" },
            { "id": "mrn", "type": "verify", "method": "mrn", "retries": 1,
              "prompt": { "en-US": "Enter your record number then hash" },
              "invalidPrompt": { "en-US": "That does not match" },
              "verified": "ok", "fallback": "agent" },
            { "id": "ok", "type": "hangup", "prompt": { "en-US": "Thank you {patient.givenName}" } },
            { "id": "agent", "type": "hangup", "prompt": { "en-US": "Agent" } }
          ]
        }
        """;

    private const string BirthDate = "19800115";
    private const string Mrn = "20261234";
    private static readonly Guid PatientId = Guid.Parse("0199a0b0-0000-7000-8000-000000000002");
    private static readonly CallerProfile Patient = new(PatientId, "Li Na", "Na", "en-US", ["diabetes"]);

    private static FlowRun Known() => FlowRun.Of(Flow, arrange: w =>
    {
        w.PatientsByPhone[FlowRun.CallerNumber] = Patient;
        w.Verifications[(PatientId, VerificationMethod.BirthDate, BirthDate)] = Patient;
    });

    private static FlowRun Unknown() => FlowRun.Of(Flow, arrange: w => w.Verifications[(null, VerificationMethod.Mrn, Mrn)] = Patient);

    [Fact]
    public async Task Start_BirthDate_AsksForEightDigits()
    {
        var run = await Known().StartAsync();

        var gather = Assert.Single(run.Twiml.Root!.Elements("Gather"));
        Assert.Equal("8", gather.Attribute("numDigits")?.Value);
        Assert.Null(gather.Attribute("finishOnKey"));
        Assert.Equal(["Enter your date of birth"], run.Spoken);
    }

    [Fact]
    public async Task Resume_RightBirthDate_VerifiesAndKeepsNoDigits()
    {
        var run = await Known().StartAsync();

        await run.PressAsync(BirthDate);

        Assert.Equal(FlowValue.True, run.Variable(FlowVariables.PatientVerified));
        Assert.Equal(FlowValue.From(PatientId.ToString()), run.Variable(FlowVariables.PatientId));
        Assert.Equal(["Thank you Na"], run.Spoken);
        Assert.Contains(run.Session.Trace, t => t is { Step: "dob", Event: "verify", Detail: "verified" });
        Assert.DoesNotContain(BirthDate, FlowJson.SerializeSession(run.Session), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_WrongBirthDate_AsksAgainThenFallsBack_WithoutKeepingDigits()
    {
        var run = await Known().StartAsync();

        await run.PressAsync("19800116");
        Assert.Equal(["That does not match", "Enter your date of birth"], run.Spoken);
        Assert.Contains(run.Session.Trace, t => t is { Event: "verify", Detail: "not verified" });

        await run.PressAsync("19800117");
        Assert.Equal(["Agent"], run.Spoken);
        Assert.NotEqual(FlowValue.True, run.Variable(FlowVariables.PatientVerified));
        var stored = FlowJson.SerializeSession(run.Session);
        Assert.DoesNotContain("19800116", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("19800117", stored, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("19801345")]
    [InlineData("1980011")]
    [InlineData("198001150")]
    [InlineData("1980-01-15")]
    [InlineData("*#*#")]
    public async Task Resume_MalformedBirthDate_IsInvalidWithoutAskingTheDirectory(string digits)
    {
        var run = await Known().StartAsync();
        run.World.Failure = new InvalidOperationException("must not be called");

        await run.PressAsync(digits);

        Assert.Equal(["That does not match", "Enter your date of birth"], run.Spoken);
        Assert.Equal(1, run.Session.Attempts);
    }

    [Fact]
    public async Task Resume_Silence_AsksAgainWithNoInputPrompt()
    {
        var run = await Known().StartAsync();

        await run.TimeoutAsync();

        Assert.Equal(["We did not hear you", "Enter your date of birth"], run.Spoken);
    }

    [Fact]
    public async Task Resume_UnknownCallerWithMrn_IdentifiesAndVerifies()
    {
        var run = await Unknown().StartAsync();
        Assert.Equal("#", run.Twiml.Root!.Element("Gather")!.Attribute("finishOnKey")?.Value);

        await run.PressAsync(Mrn);

        Assert.Equal(FlowValue.True, run.Variable(FlowVariables.CallerKnown));
        Assert.Equal(FlowValue.True, run.Variable(FlowVariables.PatientVerified));
        Assert.Equal(FlowValue.From(PatientId.ToString()), run.Variable(FlowVariables.PatientId));
        Assert.Equal(["Thank you Na"], run.Spoken);
    }

    [Fact]
    public async Task Resume_AfterHubRestart_VerifiesAndCountsEarlierAttempts()
    {
        var run = await Known().StartAsync();
        var turn = await HubRestart.PressAfterRestartAsync(run, BirthDate);
        Assert.Equal(FlowValue.True, turn.Session.Get(FlowVariables.PatientVerified));

        var other = await Known().StartAsync();
        await other.PressAsync("19800116");
        var last = await HubRestart.PressAfterRestartAsync(other, "19800116");
        Assert.Equal("agent", last.Session.CurrentStep);
    }

    [Fact]
    public async Task Resume_DirectoryFails_LandsInErrorPath()
    {
        var run = await Known().StartAsync();
        run.World.Failure = new InvalidOperationException("directory down");

        await run.PressAsync(BirthDate);

        Assert.True(run.Session.Ended);
        Assert.Contains(run.Session.Trace, t => t is { Step: "dob", Event: "error" });
        Assert.DoesNotContain(BirthDate, FlowJson.SerializeSession(run.Session), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"method\": \"birth-date\"", "\"method\": \"retina\"", "method")]
    [InlineData("\"verified\": \"ok\", \"fallback\": \"agent\" },\n    { \"id\": \"mrn\"", "\"fallback\": \"agent\" },\n    { \"id\": \"mrn\"", "verified")]
    [InlineData("\"retries\": 1,\n      \"prompt\": { \"en-US\": \"Enter your date", "\"retries\": 9,\n      \"prompt\": { \"en-US\": \"Enter your date", "retries")]
    public void Validate_Errors_NameStepAndField(string find, string replace, string field)
    {
        var flow = Flow.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(find, flow, StringComparison.Ordinal);

        var errors = FlowRun.Errors(flow.Replace(find, replace, StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StepId == "dob" && e.Field == field);
    }
}
