using Ivr.Flows.Execution;
using Ivr.Flows.Services;
using Ivr.Flows.Tests.Support;
using Ivr.Flows.Values;

namespace Ivr.Flows.Tests.Steps;

public sealed class AppointmentStepTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["zh-CN", "en-US"], "start": "who",
          "steps": [
            { "id": "who", "type": "identify", "known": "next", "unknown": "next" },
            { "id": "next", "type": "appointment", "action": "next", "found": "confirm", "none": "none" },
            { "id": "confirm", "type": "appointment", "action": "confirm", "done": "done", "failed": "failed" },
            { "id": "done", "type": "hangup", "prompt": {
                "zh-CN": "已确认：{appointment.time} {appointment.department} {appointment.doctor}",
                "en-US": "Confirmed: {appointment.time}, {appointment.department}, {appointment.doctor}, {appointment.status}" } },
            { "id": "none", "type": "hangup", "prompt": { "zh-CN": "没有预约", "en-US": "No appointment" } },
            { "id": "failed", "type": "hangup", "prompt": { "zh-CN": "失败", "en-US": "Failed" } }
          ]
        }
        """;

    private static readonly Guid PatientId = Guid.Parse("0199a0b0-0000-7000-8000-000000000003");
    private static readonly Guid AppointmentId = Guid.Parse("0199a0b0-0000-7000-8000-0000000000a1");

    // Tuesday 24 November 2026, 09:30 in Shanghai.
    private static readonly AppointmentSummary Appointment =
        new(AppointmentId, new DateTimeOffset(2026, 11, 24, 1, 30, 0, TimeSpan.Zero), "booked", "cardiology", "Cardiology", "Dr Wang");

    private static FlowRun Run(string? language = "en-US", bool withAppointment = true, string flow = Flow) => FlowRun.Of(flow, verified: PatientId, arrange: w =>
    {
        w.PatientsByPhone[FlowRun.CallerNumber] = new CallerProfile(PatientId, "Zhang Wei", "Wei", language, []);
        if (withAppointment)
        {
            w.NextAppointments[PatientId] = Appointment;
        }
    });

    [Fact]
    public async Task Next_Found_SetsVariablesWithSpokenTime_ThenConfirmIsDone()
    {
        var run = await Run().StartAsync();

        Assert.Equal(FlowValue.From(AppointmentId.ToString()), run.Variable(FlowVariables.AppointmentId));
        Assert.Equal(FlowValue.From("2026-11-24"), run.Variable(FlowVariables.AppointmentDate));
        Assert.Equal(["Confirmed: Tuesday 24 November at 9:30 AM, Cardiology, Dr Wang, confirmed"], run.Spoken);
        Assert.Contains(("confirm", PatientId, AppointmentId), run.World.AppointmentActions);
        Assert.Contains(run.Session.Trace, t => t is { Step: "next", Event: "appointment", Detail: "found" });
    }

    [Fact]
    public async Task Next_Found_InChinese_SpeaksChineseTime()
    {
        var run = await Run(language: "zh-CN").StartAsync();

        Assert.Equal(FlowValue.From("11月24日 星期二 上午9点30分"), run.Variable(FlowVariables.AppointmentTime));
        Assert.Equal(["已确认：11月24日 星期二 上午9点30分 Cardiology Dr Wang"], run.Spoken);
    }

    [Fact]
    public async Task Next_NoAppointment_TakesNone()
    {
        var run = await Run(withAppointment: false).StartAsync();

        Assert.Equal(["No appointment"], run.Spoken);
        Assert.Equal(FlowValue.Null, run.Variable(FlowVariables.AppointmentId));
    }

    [Fact]
    public async Task Next_NoPatient_IsRefusedByTheEngineWithoutAsking()
    {
        var run = FlowRun.Of(Flow, verified: PatientId);
        run.World.NextAppointments[PatientId] = Appointment;

        await run.StartAsync(from: "+8613700000000");

        Assert.Contains(new VerificationRequired("next"), run.Last.Events);
        Assert.DoesNotContain(run.Spoken, s => s.Contains("Dr Wang", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancel_Refused_TakesFailedWithReasonInTrace()
    {
        // The desk knows another appointment: cancelling the one read out is refused as not-found.
        var flow = Flow.Replace("\"action\": \"confirm\"", "\"action\": \"cancel\"", StringComparison.Ordinal)
            .Replace("\"found\": \"confirm\"", "\"found\": \"swap\"", StringComparison.Ordinal)
            .Replace("\"steps\": [", "\"steps\": [ { \"id\": \"swap\", \"type\": \"set\", \"variables\": { \"appointment.id\": \"'0199a0b0-0000-7000-8000-0000000000ff'\" }, \"next\": \"confirm\" },", StringComparison.Ordinal);
        var run = await Run(flow: flow).StartAsync();

        Assert.Equal(["Failed"], run.Spoken);
        Assert.Contains(run.Session.Trace, t => t is { Step: "confirm", Event: "appointment", Detail: "failed: not-found" });
        Assert.Empty(run.World.AppointmentActions);
    }

    [Fact]
    public async Task Cancel_Done_SetsStatus()
    {
        var run = await Run(flow: Flow.Replace("\"action\": \"confirm\"", "\"action\": \"cancel\"", StringComparison.Ordinal)).StartAsync();

        Assert.Equal(FlowValue.From("cancelled"), run.Variable(FlowVariables.AppointmentStatus));
        Assert.Contains(("cancel", PatientId, AppointmentId), run.World.AppointmentActions);
    }

    [Fact]
    public async Task Confirm_NoAppointmentId_TakesFailed()
    {
        var flow = Flow.Replace("\"known\": \"next\"", "\"known\": \"confirm\"", StringComparison.Ordinal);
        var run = await Run(flow: flow).StartAsync();

        Assert.Equal(["Failed"], run.Spoken);
        Assert.Contains(run.Session.Trace, t => t is { Step: "confirm", Detail: "failed: no appointment" });
    }

    [Fact]
    public async Task Next_DeskFails_LandsInErrorPath()
    {
        // The patient id comes from a set step, so the appointment desk is the first port asked.
        var flow = Flow.Replace("{ \"id\": \"who\", \"type\": \"identify\", \"known\": \"next\", \"unknown\": \"next\" },",
                "{ \"id\": \"who\", \"type\": \"set\", \"variables\": { \"patient.id\": \"'0199a0b0-0000-7000-8000-000000000003'\" }, \"next\": \"next\" },",
                StringComparison.Ordinal);
        var run = FlowRun.Of(flow, verified: PatientId);
        run.World.Failure = new InvalidOperationException("desk down");

        await run.StartAsync();

        Assert.True(run.Session.Ended);
        Assert.Contains(run.Session.Trace, t => t is { Step: "next", Event: "error" });
    }

    [Theory]
    [InlineData("\"action\": \"next\"", "\"action\": \"reschedule\"", "next", "action")]
    [InlineData("\"found\": \"confirm\", ", "", "next", "found")]
    [InlineData("\"done\": \"done\", ", "\"done\": \"done\", \"found\": \"done\", ", "confirm", "found")]
    [InlineData("\"failed\": \"failed\"", "\"failed\": \"nowhere\"", "confirm", "failed")]
    public void Validate_Errors_NameStepAndField(string find, string replace, string step, string field)
    {
        var errors = FlowRun.Errors(Flow.Replace(find, replace, StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StepId == step && e.Field == field);
    }
}
