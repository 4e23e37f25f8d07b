using Ivr.Flows.Execution;
using Ivr.Flows.Loading;
using Ivr.Flows.Services;
using Ivr.Flows.Tests.Support;
using Ivr.Flows.Values;

namespace Ivr.Flows.Tests.Steps;

/// <summary>The verify step: record number, then date of birth, whoever the caller ID says the caller is.</summary>
public sealed class VerifyStepTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["en-US"], "start": "who",
          "steps": [
            { "id": "who", "type": "identify", "known": "verify", "unknown": "verify" },
            { "id": "verify", "type": "verify", "method": "mrn", "retries": 1,
              "prompt": { "en-US": "Enter your record number then hash" },
              "birthDatePrompt": { "en-US": "Enter your date of birth" },
              "noInputPrompt": { "en-US": "We did not hear you" },
              "invalidPrompt": { "en-US": "That does not match" },
              "verified": "ok", "fallback": "agent" },
            { "id": "ok", "type": "menu", "prompt": { "en-US": "Thank you {patient.givenName}" },
              "options": { "1": "verify" }, "fallback": "agent" },
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
        w.Verifications[(Mrn, BirthDate)] = Patient;
    });

    private static FlowRun Unknown() => FlowRun.Of(Flow, arrange: w => w.Verifications[(Mrn, BirthDate)] = Patient);

    [Fact]
    public async Task Start_KnownCaller_IsStillAskedForTheRecordNumber()
    {
        var run = await Known().StartAsync();

        var gather = Assert.Single(run.Twiml.Root!.Elements("Gather"));
        Assert.Equal("#", gather.Attribute("finishOnKey")?.Value);
        Assert.Equal(["Enter your record number then hash"], run.Spoken);
        Assert.False(run.Session.PatientVerified);
    }

    [Fact]
    public async Task Resume_RecordNumber_AsksBirthDateAsEightDigits()
    {
        var run = await Known().StartAsync();

        await run.PressAsync(Mrn + "#");

        var gather = Assert.Single(run.Twiml.Root!.Elements("Gather"));
        Assert.Equal("8", gather.Attribute("numDigits")?.Value);
        Assert.Null(gather.Attribute("finishOnKey"));
        Assert.Equal(["Enter your date of birth"], run.Spoken);
        Assert.DoesNotContain(Mrn, FlowJson.SerializeSession(run.Session), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_RightRecordNumberAndBirthDate_VerifiesAndKeepsNoDigits()
    {
        var run = await Unknown().StartAsync();

        await run.PressAsync(Mrn);
        await run.PressAsync(BirthDate);

        Assert.Equal(PatientId, run.Session.VerifiedPatientId);
        Assert.Equal(FlowValue.True, run.Variable(FlowVariables.PatientVerified));
        Assert.Equal(FlowValue.From(PatientId.ToString()), run.Variable(FlowVariables.PatientId));
        Assert.Equal(["Thank you Na"], run.Spoken);
        Assert.Contains(run.Session.Trace, t => t is { Step: "verify", Event: "verify", Detail: "verified" });
        var stored = FlowJson.SerializeSession(run.Session);
        Assert.DoesNotContain(BirthDate, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Mrn, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_RecordNumberOfNobody_StillAsksBirthDateThenSaysNoMatch()
    {
        var run = await Unknown().StartAsync();

        await run.PressAsync("99999999");
        Assert.Equal(["Enter your date of birth"], run.Spoken);

        await run.PressAsync(BirthDate);
        Assert.Equal(["That does not match", "Enter your record number then hash"], run.Spoken);
        Assert.False(run.Session.PatientVerified);
    }

    [Fact]
    public async Task Resume_WrongBirthDateTwice_AsksBothAgainThenFallsBack_WithoutKeepingDigits()
    {
        var run = await Known().StartAsync();

        await run.PressAsync(Mrn);
        await run.PressAsync("19800116");
        Assert.Equal(["That does not match", "Enter your record number then hash"], run.Spoken);
        Assert.Contains(run.Session.Trace, t => t is { Event: "verify", Detail: "not verified" });

        await run.PressAsync(Mrn);
        await run.PressAsync("19800117");
        Assert.Equal(["Agent"], run.Spoken);
        Assert.False(run.Session.PatientVerified);
        var stored = FlowJson.SerializeSession(run.Session);
        Assert.DoesNotContain("19800116", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("19800117", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_NumberLockedOut_GoesToFallbackWithoutAskingTheBirthDate()
    {
        var run = await Known().StartAsync();
        run.World.LockedOutNumbers.Add(FlowRun.CallerNumber);

        await run.PressAsync(Mrn);

        Assert.Equal(["Agent"], run.Spoken);
        Assert.Contains(new VerificationFailed("verify", VerificationMethod.Mrn, Malformed: false, LockedOut: true), run.Last.Events);
        Assert.Contains(run.Session.Trace, t => t is { Event: "verify", Detail: "refused: too many failed attempts" });
    }

    [Fact]
    public async Task Resume_PassesCallSidAndCallingNumberToTheDirectory()
    {
        var run = await Unknown().StartAsync();

        await run.PressAsync(Mrn);
        await run.PressAsync(BirthDate);

        Assert.All(run.World.VerificationAttempts, a => Assert.Equal(new VerificationAttempt("CA0123456789abcdef0123456789abcdef", FlowRun.CallerNumber), a));
        Assert.Equal(2, run.World.VerificationAttempts.Count);
    }

    [Fact]
    public async Task Enter_AlreadyVerifiedInThisCall_PassesStraightThrough()
    {
        var run = await Unknown().StartAsync();
        await run.PressAsync(Mrn);
        await run.PressAsync(BirthDate);

        await run.PressAsync("1");

        Assert.Equal(["Thank you Na"], run.Spoken);
        Assert.Contains(run.Session.Trace, t => t is { Event: "verify", Detail: "already verified" });
        Assert.Equal(2, run.World.VerificationAttempts.Count);
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
        await run.PressAsync(Mrn);
        run.World.Failure = new InvalidOperationException("must not be called");

        await run.PressAsync(digits);

        Assert.Equal("That does not match", run.Spoken[0]);
        Assert.Equal(1, run.Session.Attempts);
        Assert.False(run.Session.PatientVerified);
    }

    [Fact]
    public async Task Resume_SilenceAtBirthDate_AsksTheBirthDateAgain()
    {
        var run = await Known().StartAsync();
        await run.PressAsync(Mrn);

        await run.TimeoutAsync();

        Assert.Equal(["We did not hear you", "Enter your date of birth"], run.Spoken);
    }

    [Fact]
    public async Task Resume_AfterHubRestart_VerifiesAndCountsEarlierAttempts()
    {
        var run = await Known().StartAsync();
        await run.PressAsync(Mrn);
        var turn = await HubRestart.PressAfterRestartAsync(run, BirthDate);
        Assert.Equal(PatientId, turn.Session.VerifiedPatientId);

        var other = await Known().StartAsync();
        await other.PressAsync(Mrn);
        await other.PressAsync("19800116");
        await other.PressAsync(Mrn);
        var last = await HubRestart.PressAfterRestartAsync(other, "19800116");
        Assert.Equal("agent", last.Session.CurrentStep);
    }

    [Fact]
    public async Task Resume_DirectoryFails_LandsInErrorPath()
    {
        var run = await Known().StartAsync();
        await run.PressAsync(Mrn);
        run.World.Failure = new InvalidOperationException("directory down");

        await run.PressAsync(BirthDate);

        Assert.True(run.Session.Ended);
        Assert.Contains(run.Session.Trace, t => t is { Step: "verify", Event: "error" });
        Assert.DoesNotContain(BirthDate, FlowJson.SerializeSession(run.Session), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"method\": \"mrn\"", "\"method\": \"birth-date\"", "method")]
    [InlineData("\"verified\": \"ok\", \"fallback\": \"agent\" }", "\"fallback\": \"agent\" }", "verified")]
    [InlineData("\"verified\": \"ok\", \"fallback\": \"agent\" }", "\"verified\": \"ok\" }", "fallback")]
    [InlineData("\"retries\": 1,", "\"retries\": 9,", "retries")]
    [InlineData("\"birthDatePrompt\": { \"en-US\": \"Enter your date of birth\" }", "\"birthDatePrompt\": { \"zh-CN\": \"请输入\" }", "birthDatePrompt.en-US")]
    public void Validate_Errors_NameStepAndField(string find, string replace, string field)
    {
        var flow = Flow.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(find, flow, StringComparison.Ordinal);

        var errors = FlowRun.Errors(flow.Replace(find, replace, StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StepId == "verify" && e.Field.StartsWith(field, StringComparison.Ordinal));
    }
}
