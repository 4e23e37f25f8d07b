using Ivr.Flows.Execution;
using Ivr.Flows.Services;
using Ivr.Flows.Steps;
using Ivr.Flows.Tests.Support;
using Ivr.Flows.Values;

namespace Ivr.Flows.Tests.Steps;

public sealed class SendSmsStepTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["zh-CN", "en-US"], "start": "pick",
          "steps": [
            { "id": "pick", "type": "menu", "prompt": { "zh-CN": "按1", "en-US": "Press 1" }, "options": { "1": "sms" } },
            { "id": "sms", "type": "sendSms", "purpose": "appointment",
              "text": { "zh-CN": "您的预约：{appointment.time}", "en-US": "Your appointment: {appointment.time}" }, "next": "bye" },
            { "id": "bye", "type": "hangup", "prompt": { "zh-CN": "再见", "en-US": "Goodbye" } }
          ]
        }
        """;

    [Fact]
    public async Task Send_AppointmentPurpose_TextsCallerWithAppointmentAndGoesNext()
    {
        var (patient, appointment) = (Guid.NewGuid(), Guid.NewGuid());
        var run = await FlowRun.Of(Flow).StartAsync("en-US");
        run.Session.Set(FlowVariables.PatientId, FlowValue.From(patient.ToString()));
        run.Session.Set(FlowVariables.AppointmentId, FlowValue.From(appointment.ToString()));
        run.Session.Set(FlowVariables.AppointmentTime, FlowValue.From("24 Nov 09:30"));

        await run.PressAsync("1");

        var sms = Assert.Single(run.World.SentSms);
        Assert.Equal(new OutgoingSms(FlowRun.CallerNumber, "Your appointment: 24 Nov 09:30", patient, "appointment", appointment, FlowRun.HotlineNumber), sms);
        Assert.True(run.Variable(SendSmsStep.SentVariable).AsBoolean());
        Assert.Equal(["Goodbye"], run.Spoken);
        Assert.DoesNotContain(run.Session.Trace, t => t.Detail?.Contains(FlowRun.CallerNumber, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Send_InfoPurposeToVariable_TextsThatNumberWithoutAppointment()
    {
        var json = Flow.Replace("\"purpose\": \"appointment\"", "\"to\": \"contact.phone\"", StringComparison.Ordinal);
        var run = await FlowRun.Of(json).StartAsync("en-US");
        run.Session.Set(FlowVariables.AppointmentId, FlowValue.From(Guid.NewGuid().ToString()));
        run.Session.Set("contact.phone", FlowValue.From("+8613911112222"));

        await run.PressAsync("1");

        var sms = Assert.Single(run.World.SentSms);
        Assert.Equal(("+8613911112222", "info", (Guid?)null), (sms.To, sms.Purpose, sms.AppointmentId));
    }

    [Fact]
    public async Task Send_NoNumber_GoesNextWithoutSending()
    {
        var json = Flow.Replace("\"purpose\": \"appointment\"", "\"to\": \"contact.phone\"", StringComparison.Ordinal);
        var run = await FlowRun.Of(json).StartAsync("en-US");

        await run.PressAsync("1");

        Assert.Empty(run.World.SentSms);
        Assert.False(run.Variable(SendSmsStep.SentVariable).AsBoolean());
        Assert.Equal(["Goodbye"], run.Spoken);
    }

    [Fact]
    public async Task Send_Refused_StillGoesNext()
    {
        var run = FlowRun.Of(Flow);
        var messenger = new RefusingMessenger();
        var services = run.World.Services with { Messenger = messenger };
        var session = (await run.StartAsync("en-US")).Session;

        var turn = await FlowEngine.ContinueAsync(run.Flow, session, new FlowInput { Event = FlowEvent.Gathered, Step = "pick", Turn = 1, Digits = "1" },
            services, FlowRun.Links, CancellationToken.None);

        Assert.Equal(1, messenger.Calls);
        Assert.False(turn.Session.Get(SendSmsStep.SentVariable).AsBoolean());
        Assert.Equal("bye", turn.Session.CurrentStep);
        Assert.Contains(turn.Session.Trace, t => t.Detail == "not sent: opted-out");
    }

    [Fact]
    public async Task Send_HugeVariable_IsSentAsIs()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");
        run.Session.Set(FlowVariables.AppointmentTime, FlowValue.From(new string('<', 10_000)));

        await run.PressAsync("1");

        Assert.Equal(10_000 + "Your appointment: ".Length, Assert.Single(run.World.SentSms).Body.Length);
        Assert.Equal(["Goodbye"], run.Spoken);
    }

    [Fact]
    public async Task Send_MessengerFails_EngineApologisesAndEnds()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");
        run.World.Failure = new InvalidOperationException("database down");

        await run.PressAsync("1");

        Assert.True(run.Session.Ended);
        Assert.Contains(run.Session.Trace, t => t is { Step: "sms", Event: "error" });
        Assert.Equal(["Say", "Hangup"], run.Verbs);
    }

    [Fact]
    public async Task SmsFlow_Send_TextsAndRepliesNext()
    {
        var json = Flow.Replace("\"id\": \"t\",", "\"id\": \"t\", \"kind\": \"sms\", \"helpText\": { \"zh-CN\": \"帮助\", \"en-US\": \"Help\" }, \"optOutText\": { \"zh-CN\": \"退订\", \"en-US\": \"Stopped\" }, \"optInText\": { \"zh-CN\": \"订阅\", \"en-US\": \"Started\" },", StringComparison.Ordinal);
        var run = await FlowRun.Of(json).StartAsync("en-US", smsBody: "hello");

        await run.TextAsync("1");

        Assert.Single(run.World.SentSms);
        Assert.Equal(["Goodbye"], run.Last.SmsReplies);
    }

    [Fact]
    public void Validate_UnknownPurpose_IsReported()
    {
        var errors = FlowRun.Errors(Flow.Replace("\"purpose\": \"appointment\"", "\"purpose\": \"marketing\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "sms", Field: "purpose" });
    }

    [Fact]
    public void Validate_BadVariableAndMissingText_AreReported()
    {
        var errors = FlowRun.Errors(Flow
            .Replace("\"purpose\": \"appointment\"", "\"to\": \"9phone\"", StringComparison.Ordinal)
            .Replace("\"text\": { \"zh-CN\": \"您的预约：{appointment.time}\", \"en-US\": \"Your appointment: {appointment.time}\" },", string.Empty, StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "sms", Field: "to" });
        Assert.Contains(errors, e => e is { StepId: "sms", Field: "text" });
    }

    private sealed class RefusingMessenger : IFlowMessenger
    {
        public int Calls { get; private set; }

        public Task<SendResult> SendSmsAsync(OutgoingSms sms, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new SendResult(false, "opted-out"));
        }
    }
}
