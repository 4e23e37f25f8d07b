using Ivr.Flows.Execution;
using Ivr.Flows.Tests.Support;
using Ivr.Flows.Values;

namespace Ivr.Flows.Tests.Steps;

public sealed class VoicemailStepTests
{
    private const string RecordingUrl = "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1";

    private const string Flow = """
        {
          "id": "t", "languages": ["zh-CN", "en-US"], "start": "vm",
          "steps": [
            { "id": "vm", "type": "voicemail", "maxLength": 90, "category": "general",
              "prompt": { "zh-CN": "请在提示音后留言", "en-US": "Please leave a message after the tone" },
              "next": "thanks", "fallback": "bye" },
            { "id": "thanks", "type": "hangup", "prompt": { "zh-CN": "谢谢", "en-US": "Thank you" } },
            { "id": "bye", "type": "hangup", "prompt": { "zh-CN": "再见", "en-US": "Goodbye" } }
          ]
        }
        """;

    [Fact]
    public async Task Start_SaysPromptThenRecordsWithActionAndRedirectForEmptyRecording()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        Assert.Equal(["Say", "Record", "Redirect"], run.Verbs);
        var record = run.Twiml.Root!.Element("Record")!;
        var action = $"{FlowRun.VoiceUrl}?event=recorded&step=vm&turn=1";
        Assert.Equal(action, record.Attribute("action")?.Value);
        Assert.Equal("90", record.Attribute("maxLength")?.Value);
        Assert.Equal("true", record.Attribute("playBeep")?.Value);
        Assert.Equal("#", record.Attribute("finishOnKey")?.Value);
        Assert.Equal(action, run.Twiml.Root!.Element("Redirect")!.Value);
    }

    [Fact]
    public async Task Recorded_CreatesFollowUpAndGoesNext_WithoutUrlInTrace()
    {
        var patient = Guid.NewGuid();
        var run = FlowRun.Of(Flow);
        await run.StartAsync("en-US");
        run.Session.Set(FlowVariables.PatientId, FlowValue.From(patient.ToString()));

        await run.SendAsync(FlowEvent.Recorded, i => i with { RecordingUrl = RecordingUrl, RecordingDurationSeconds = 42 });

        var voicemail = Assert.Single(run.World.Voicemails);
        Assert.Equal(("CA0123456789abcdef0123456789abcdef", patient, FlowRun.CallerNumber, RecordingUrl, 42, "general", "en-US"),
            (voicemail.CallSid, voicemail.PatientId, voicemail.CallerNumber, voicemail.RecordingUrl, voicemail.DurationSeconds.GetValueOrDefault(), voicemail.Category, voicemail.Language));
        Assert.Equal(["Thank you"], run.Spoken);
        Assert.DoesNotContain(run.Session.Trace, t => t.Detail?.Contains("twilio", StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public async Task Recorded_UnknownCaller_HasNoPatient()
    {
        var run = await FlowRun.Of(Flow).StartAsync();

        await run.SendAsync(FlowEvent.Recorded, i => i with { RecordingUrl = RecordingUrl, RecordingDurationSeconds = 5 });

        Assert.Null(Assert.Single(run.World.Voicemails).PatientId);
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData(RecordingUrl, 0)]
    [InlineData(RecordingUrl, null)]
    [InlineData("<xml>", 10)]
    [InlineData("javascript:alert(1)", 10)]
    public async Task NoRecording_AsksOnceMore_ThenFallback(string? url, int? duration)
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        await run.SendAsync(FlowEvent.Recorded, i => i with { RecordingUrl = url, RecordingDurationSeconds = duration });
        Assert.Equal(["Say", "Record", "Redirect"], run.Verbs);
        Assert.Contains("turn=2", run.Twiml.Root!.Element("Record")!.Attribute("action")!.Value, StringComparison.Ordinal);

        await run.SendAsync(FlowEvent.Recorded);

        Assert.Empty(run.World.Voicemails);
        Assert.Equal(["Goodbye"], run.Spoken);
        Assert.Equal("bye", run.Session.CurrentStep);
    }

    [Fact]
    public async Task Recorded_HugeUrl_IsNotStored()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        await run.SendAsync(FlowEvent.Recorded, i => i with { RecordingUrl = "https://x.example/" + new string('a', 100_000), RecordingDurationSeconds = 3 });

        Assert.Empty(run.World.Voicemails);
        Assert.Equal(["Say", "Record", "Redirect"], run.Verbs);
    }

    [Fact]
    public async Task Recorded_FollowUpsFail_EngineApologisesAndEnds()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");
        run.World.Failure = new InvalidOperationException("database down");

        await run.SendAsync(FlowEvent.Recorded, i => i with { RecordingUrl = RecordingUrl, RecordingDurationSeconds = 42 });

        Assert.True(run.Session.Ended);
        Assert.Equal(["Say", "Hangup"], run.Verbs);
        Assert.Contains(run.Session.Trace, t => t.Event == "error" && t.Step == "vm");
    }

    [Fact]
    public void Validate_BadFields_AreReported()
    {
        var errors = FlowRun.Errors(Flow
            .Replace("\"maxLength\": 90", "\"maxLength\": 601, \"finishOnKey\": \"ab\"", StringComparison.Ordinal)
            .Replace("\"category\": \"general\"", "\"category\": \"nowhere\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "vm", Field: "maxLength" });
        Assert.Contains(errors, e => e is { StepId: "vm", Field: "finishOnKey" });
        Assert.Contains(errors, e => e is { StepId: "vm", Field: "category" } && e.Reason.Contains("general", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingCategory_IsReported()
    {
        var errors = FlowRun.Errors(Flow.Replace("\"category\": \"general\",", string.Empty, StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "vm", Field: "category" });
    }

    [Fact]
    public void Validate_InSmsFlow_IsRefused()
    {
        var errors = FlowRun.Errors(Flow.Replace("\"id\": \"t\",", "\"id\": \"t\", \"kind\": \"sms\",", StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "vm", Field: "type" });
    }
}
