using CallCenter.Core.Ivr;
using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Values;

namespace CallCenter.Core.Tests.Ivr;

/// <summary>How a turn's typed events and the stored session bring a caller's IVR outcome up to date.</summary>
public sealed class IvrOutcomeTests
{
    [Fact]
    public void After_NewSession_TakesFlowLanguageMenuKeysAndStepsEntered()
    {
        var session = Session(language: "en-US", menuPath: ["1", "3"]);

        var outcome = IvrOutcome.After(null, session, [new StepEntered("hello", "say"), new StepEntered("menu", "menu")]);

        Assert.Equal(("hotline", "en-US", IvrVerification.NotAttempted), (outcome.FlowId, outcome.Language, outcome.Verification));
        Assert.Equal(["1", "3"], outcome.MenuPath);
        Assert.Equal(["hello", "menu"], outcome.Steps);
    }

    [Fact]
    public void After_LaterTurn_AppendsStepsToThoseBefore()
    {
        var before = IvrOutcome.After(null, Session(), [new StepEntered("hello", "say")]);

        var outcome = IvrOutcome.After(before, Session(), [new StepEntered("menu", "menu"), new StepEntered("hello", "say")]);

        Assert.Equal(["hello", "menu", "hello"], outcome.Steps);
    }

    [Fact]
    public void After_VerificationFailed_IsFailedUntilTheCallerIsVerified()
    {
        var failed = IvrOutcome.After(null, Session(), [new VerificationFailed("verify", VerificationMethod.Mrn, Malformed: false)]);
        var again = IvrOutcome.After(failed, Session(), []);
        var verified = IvrOutcome.After(again, Session(verified: true), [new CallerVerified("verify", VerificationMethod.Mrn)]);
        var failedAfter = IvrOutcome.After(verified, Session(verified: true), [new VerificationFailed("verify", VerificationMethod.Mrn, Malformed: true)]);

        Assert.Equal(
            [IvrVerification.Failed, IvrVerification.Failed, IvrVerification.Verified, IvrVerification.Verified],
            [failed.Verification, again.Verification, verified.Verification, failedAfter.Verification]);
    }

    [Fact]
    public void After_FlowSetsVerifiedItself_IsVerified()
    {
        var outcome = IvrOutcome.After(null, Session(verified: true), []);

        Assert.Equal(IvrVerification.Verified, outcome.Verification);
    }

    [Fact]
    public void After_CallerGoingRoundAMenu_KeepsTheLastSteps()
    {
        var round = Enumerable.Range(0, IvrOutcome.MaxSteps + 10).Select(i => new StepEntered($"step-{i}", "menu")).ToList();

        var outcome = IvrOutcome.After(null, Session(), round);

        Assert.Equal(IvrOutcome.MaxSteps, outcome.Steps.Count);
        Assert.Equal(("step-10", $"step-{IvrOutcome.MaxSteps + 9}"), (outcome.Steps[0], outcome.Steps[^1]));
    }

    [Fact]
    public void Json_RoundTripsAndToleratesWhatItCannotRead()
    {
        var outcome = IvrOutcome.After(null, Session(menuPath: ["0"], verified: true), [new StepEntered("menu", "menu")]);

        var read = IvrOutcomeJson.Read(IvrOutcomeJson.Write(outcome));

        Assert.Equal((outcome.FlowId, outcome.Language, outcome.Verification), (read!.FlowId, read.Language, read.Verification));
        Assert.Equal(outcome.MenuPath, read.MenuPath);
        Assert.Equal(outcome.Steps, read.Steps);
        Assert.Contains("\"verification\":\"verified\"", IvrOutcomeJson.Write(outcome), StringComparison.Ordinal);
        Assert.Null(IvrOutcomeJson.Read(null));
        Assert.Null(IvrOutcomeJson.Read("{\"menuPath\": 3"));
        Assert.Null(IvrOutcomeJson.Read("{}"));
    }

    private static FlowSession Session(string language = "zh-CN", string[]? menuPath = null, bool verified = false)
    {
        var session = new FlowSession
        {
            Key = "CA0123", Kind = FlowKind.Voice, FlowId = "hotline", FlowVersion = "v1", StartedAt = DateTimeOffset.UnixEpoch, Language = language,
        };
        session.Set(FlowVariables.MenuPath, FlowValue.From(menuPath ?? []));
        session.VerifiedPatientId = verified ? Guid.NewGuid() : null;
        return session;
    }
}
