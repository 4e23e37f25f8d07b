using System.Xml.Linq;
using Ivr.Flows.Execution;
using Ivr.Flows.Services;
using Ivr.Flows.Steps;
using Ivr.Flows.Tests.Support;
using Ivr.Flows.Values;

namespace Ivr.Flows.Tests.Steps;

public sealed class BookStepTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["zh-CN", "en-US"], "start": "who",
          "steps": [
            { "id": "who", "type": "identify", "known": "book", "unknown": "book" },
            { "id": "book", "type": "book", "department": "cardiology", "count": 2, "retries": 1,
              "prompt": { "zh-CN": "请选择时间", "en-US": "Choose a time" },
              "noInputPrompt": { "zh-CN": "没有听到", "en-US": "We did not hear you" },
              "invalidPrompt": { "zh-CN": "无效", "en-US": "That is not an option" },
              "booked": "booked", "none": "none", "fallback": "agent" },
            { "id": "booked", "type": "hangup", "prompt": { "zh-CN": "已预约 {appointment.time}", "en-US": "Booked {appointment.time} with {appointment.doctor}" } },
            { "id": "none", "type": "hangup", "prompt": { "zh-CN": "没有号源", "en-US": "No slots" } },
            { "id": "agent", "type": "hangup", "prompt": { "zh-CN": "转人工", "en-US": "Agent" } }
          ]
        }
        """;

    private const string Ask = "Choose a time";
    private const string First = "Press 1 for Tuesday 24 November at 9:30 AM with Dr Wang.";
    private const string SecondWithoutDoctor = "Press 2 for Tuesday 24 November at 2:00 PM.";

    private static readonly Guid PatientId = Guid.Parse("0199a0b0-0000-7000-8000-000000000004");
    private static readonly SlotOffer Slot1 = new(Guid.Parse("0199a0b0-0000-7000-8000-0000000000b1"), At(24, 1, 30), "cardiology", "Cardiology", "Dr Wang");
    private static readonly SlotOffer Slot2 = new(Guid.Parse("0199a0b0-0000-7000-8000-0000000000b2"), At(24, 6, 0), "cardiology", "Cardiology", null);
    private static readonly SlotOffer Slot3 = new(Guid.Parse("0199a0b0-0000-7000-8000-0000000000b3"), At(25, 2, 0), "cardiology", "Cardiology", "Dr Li");

    private static DateTimeOffset At(int day, int utcHour, int minute) => new(2026, 11, day, utcHour, minute, 0, TimeSpan.Zero);

    private static FlowRun Run(string language = "en-US", string flow = Flow, params SlotOffer[] slots) => FlowRun.Of(flow, verified: PatientId, arrange: w =>
    {
        w.PatientsByPhone[FlowRun.CallerNumber] = new CallerProfile(PatientId, "Chen Jie", "Jie", language, []);
        w.FreeSlots["cardiology"] = slots.Length == 0 ? [Slot1, Slot2, Slot3] : [.. slots];
    });

    [Fact]
    public async Task Start_ReadsOutOfferedSlots_AndKeepsThemInTheSession()
    {
        var run = await Run().StartAsync();

        Assert.Equal([Ask, First, SecondWithoutDoctor], run.Spoken);
        Assert.Equal("1", run.Twiml.Root!.Element("Gather")!.Attribute("numDigits")?.Value);
        Assert.Equal(FlowValue.From([Slot1.SlotId.ToString(), Slot2.SlotId.ToString()]), run.Variable(BookStep.SlotsVariable));
    }

    [Fact]
    public async Task Start_InChinese_ReadsChineseSlots()
    {
        var run = await Run("zh-CN").StartAsync();

        Assert.Equal(["请选择时间", "11月24日 星期二 上午9点30分，Dr Wang，请按1。", "11月24日 星期二 下午2点，请按2。"], run.Spoken);
    }

    [Fact]
    public async Task Start_CustomOption_FillsItsHoles()
    {
        var flow = Flow.Replace("\"count\": 2,", "\"count\": 1, \"option\": { \"zh-CN\": \"{n}: {time} {doctor}\", \"en-US\": \"Key {n}: {department}, {time}, {doctor}\" },", StringComparison.Ordinal);

        var run = await Run(flow: flow).StartAsync();

        Assert.Equal([Ask, "Key 1: Cardiology, Tuesday 24 November at 9:30 AM, Dr Wang"], run.Spoken);
    }

    [Fact]
    public async Task Resume_ValidKey_BooksThatSlot()
    {
        var run = await Run().StartAsync();

        await run.PressAsync("2");

        Assert.Contains(("book", PatientId, Slot2.SlotId), run.World.AppointmentActions);
        Assert.Equal(FlowValue.From("booked"), run.Variable(FlowVariables.AppointmentStatus));
        Assert.Equal(FlowValue.From("2026-11-24"), run.Variable(FlowVariables.AppointmentDate));
        Assert.Equal(["Booked Tuesday 24 November at 2:00 PM with "], run.Spoken);
        Assert.Equal(FlowValue.Null, run.Variable(BookStep.SlotsVariable));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("12")]
    [InlineData("#")]
    [InlineData("x")]
    public async Task Resume_KeyWithoutSlot_IsInvalidAndReadsTheSameSlots(string digits)
    {
        var run = await Run().StartAsync();

        await run.PressAsync(digits);

        Assert.Equal(["That is not an option", Ask, First, SecondWithoutDoctor], run.Spoken);
        Assert.Empty(run.World.AppointmentActions);
    }

    [Fact]
    public async Task Resume_Silence_ReadsTheSlotsAgain()
    {
        var run = await Run().StartAsync();

        await run.TimeoutAsync();

        Assert.Equal(["We did not hear you", Ask, First, SecondWithoutDoctor], run.Spoken);
    }

    [Fact]
    public async Task Resume_SlotTakenMeanwhile_SaysSoAndOffersFreshSlots()
    {
        var run = await Run().StartAsync();
        run.World.FreeSlots["cardiology"].Remove(Slot1);

        await run.PressAsync("1");

        Assert.Equal(["Sorry, that time has just been taken.", Ask, "Press 1 for Tuesday 24 November at 2:00 PM.", "Press 2 for Wednesday 25 November at 10:00 AM with Dr Li."], run.Spoken);
        Assert.Equal(1, run.Session.Attempts);
        Assert.Contains(run.Session.Trace, t => t is { Step: "book", Event: "book", Detail: "refused: full; attempt 1" });

        await run.PressAsync("2");
        Assert.Contains(("book", PatientId, Slot3.SlotId), run.World.AppointmentActions);
        Assert.Equal("booked", run.Session.CurrentStep);
    }

    [Fact]
    public async Task Resume_TakenUntilRetriesRunOut_FallsBack()
    {
        var run = await Run().StartAsync();
        run.World.FreeSlots["cardiology"].Remove(Slot1);
        await run.PressAsync("1");
        run.World.FreeSlots["cardiology"].Remove(Slot2);

        await run.PressAsync("1");

        Assert.Equal(["Agent"], run.Spoken);
    }

    [Fact]
    public async Task Resume_TakenAndNoneLeft_TakesNone()
    {
        var run = await Run(slots: Slot1).StartAsync();
        run.World.FreeSlots["cardiology"].Clear();

        await run.PressAsync("1");

        Assert.Equal(["No slots"], run.Spoken);
    }

    [Fact]
    public async Task Start_NoFreeSlots_TakesNone()
    {
        var run = FlowRun.Of(Flow, verified: PatientId, arrange: w => w.PatientsByPhone[FlowRun.CallerNumber] = new CallerProfile(PatientId, "Chen Jie", "Jie", "en-US", []));

        await run.StartAsync();

        Assert.Equal(["No slots"], run.Spoken);
    }

    [Fact]
    public async Task Start_NoPatient_IsRefusedByTheEngine()
    {
        var run = await Run().StartAsync(from: "+8613700000000");

        Assert.Contains(new VerificationRequired("book"), run.Last.Events);
        Assert.Empty(run.World.AppointmentActions);
        Assert.True(run.Session.Ended);
    }

    [Fact]
    public async Task Resume_AfterHubRestart_BooksTheSlotTheCallerHeard()
    {
        var run = await Run().StartAsync();

        var turn = await HubRestart.PressAfterRestartAsync(run, "1");

        Assert.Contains(("book", PatientId, Slot1.SlotId), run.World.AppointmentActions);
        Assert.Equal("booked", turn.Session.CurrentStep);
    }

    [Fact]
    public async Task Resume_AfterHubRestart_Silence_ReadsTheSameSlots()
    {
        var run = await Run().StartAsync();

        var turn = await HubRestart.PressAfterRestartAsync(run, string.Empty);

        Assert.Equal(["We did not hear you", Ask, First, SecondWithoutDoctor], XDocument.Parse(turn.Twiml).Descendants("Say").Select(s => s.Value));
    }

    [Fact]
    public async Task Resume_DeskFails_LandsInErrorPath()
    {
        var run = await Run().StartAsync();
        run.World.Failure = new InvalidOperationException("desk down");

        await run.PressAsync("1");

        Assert.True(run.Session.Ended);
        Assert.Contains(run.Session.Trace, t => t is { Step: "book", Event: "error" });
        Assert.Contains("Sorry", Assert.Single(run.Spoken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"department\": \"cardiology\"", "\"department\": \"dentistry\"", "department", "unknown department 'dentistry'")]
    [InlineData("\"department\": \"cardiology\", ", "", "department", "is required")]
    [InlineData("\"count\": 2", "\"count\": 7", "count", "between 1 and 5")]
    [InlineData("\"none\": \"none\", ", "", "none", "is required")]
    [InlineData("\"count\": 2,", "\"count\": 2, \"option\": { \"zh-CN\": \"{n}\", \"en-US\": \"{n} {room}\" },", "option.en-US", "'{room}' is not known here")]
    [InlineData("\"count\": 2,", "\"count\": 2, \"option\": { \"zh-CN\": \"{n}\" },", "option.en-US", "no en-US text")]
    public void Validate_Errors_NameStepAndField(string find, string replace, string field, string reason)
    {
        var errors = FlowRun.Errors(Flow.Replace(find, replace, StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StepId == "book" && e.Field == field && e.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_InSmsFlow_IsRefused()
    {
        var flow = """
            { "id": "t", "kind": "sms", "languages": ["en-US"], "start": "book",
              "helpText": { "en-US": "h" }, "optOutText": { "en-US": "o" }, "optInText": { "en-US": "i" },
              "steps": [
                { "id": "book", "type": "book", "department": "cardiology", "booked": "end", "none": "end" },
                { "id": "end", "type": "hangup" } ] }
            """;

        Assert.Contains(FlowRun.Errors(flow), e => e is { StepId: "book", Field: "type" });
    }
}
