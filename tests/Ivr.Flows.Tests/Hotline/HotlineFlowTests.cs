using Ivr.Flows.Execution;
using Ivr.Flows.Loading;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Tests.Support;
using Ivr.Flows.Values;
using Microsoft.Extensions.Time.Testing;

namespace Ivr.Flows.Tests.Hotline;

/// <summary>The shipped hospital hotline (flows/hospital-hotline.json), walked through with in-memory ports.</summary>
public sealed class HotlineFlowTests
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero); // 10:00 in Shanghai
    private static readonly DateTimeOffset MondayNight = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero); // 22:00 in Shanghai
    private static readonly CallerProfile Wang = new(Guid.NewGuid(), "王小明", "小明", "zh-CN", []);
    private const string WangMrn = "20260001";
    private const string WangBirthDate = "19800115";

    [Fact]
    public async Task KnownCaller_GreetedByName_VerifiesThenConfirmsNextAppointmentInChinese()
    {
        var call = await CallAsync(MondayMorning, world => Known(world, Wang));
        Assert.Contains("王小明，您好", call.Spoken[0], StringComparison.Ordinal);
        Assert.Equal("main-menu", call.Session.CurrentStep);

        await call.PressAsync("1");
        Assert.Equal("verify-mrn", call.Session.CurrentStep);
        Assert.Contains("请输入您的病历号", call.Spoken[0], StringComparison.Ordinal);
        await call.PressAsync(WangMrn + "#");
        Assert.Contains("请输入您的出生日期", call.Spoken[0], StringComparison.Ordinal);
        await call.PressAsync(WangBirthDate);
        Assert.Equal("appointment-menu", call.Session.CurrentStep);
        Assert.Contains("11月24日", call.Spoken[0], StringComparison.Ordinal);

        await call.PressAsync("1");
        Assert.Equal(("confirm", Wang.PatientId), (call.World.AppointmentActions[0].Action, call.World.AppointmentActions[0].PatientId));
        Assert.Contains("您的预约已确认", call.Spoken[0], StringComparison.Ordinal);

        await call.PressAsync("2");
        Assert.True(call.Session.Ended);
        Assert.Equal(["1", "1", "2"], call.Variable(FlowVariables.MenuPath).AsList().ToArray());
    }

    [Fact]
    public async Task KnownCaller_WithoutNameBeforeVerification_IsGreetedWithoutIt()
    {
        var call = await CallAsync(MondayMorning, world => Known(world, Wang with { DisplayName = string.Empty, GivenName = string.Empty }));

        Assert.Equal("您好，欢迎致电医院患者服务中心。", call.Spoken[0]);
        Assert.Equal("main-menu", call.Session.CurrentStep);
    }

    [Fact]
    public async Task KnownCaller_WrongBirthDate_HearsNoAppointmentAndEndsWithAnAgent()
    {
        var call = await CallAsync(MondayMorning, world => Known(world, Wang));
        await call.PressAsync("1");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await call.PressAsync(WangMrn + "#");
            await call.PressAsync("19700101");
        }

        Assert.Equal("appointments-queue", call.Session.CurrentStep);
        Assert.Empty(call.World.AppointmentActions);
        Assert.False(call.Session.PatientVerified);
        Assert.DoesNotContain(call.Session.Trace, t => t.Step == "next-appointment");
    }

    [Fact]
    public async Task VerifiedCaller_BackAtTheMainMenu_IsNotAskedAgain()
    {
        var call = await CallAsync(MondayMorning, world => Known(world, Wang));
        await call.PressAsync("1");
        await call.PressAsync(WangMrn + "#");
        await call.PressAsync(WangBirthDate);
        await call.PressAsync("1");
        await call.PressAsync("1");      // anything else: main menu

        await call.PressAsync("1");      // appointments again

        Assert.Equal("appointment-menu", call.Session.CurrentStep);
    }

    [Fact]
    public async Task UnknownCaller_ChoosesEnglish_VerifiesByMrnAndBirthDate_BooksSlotByKeypad()
    {
        var call = await CallAsync(MondayMorning, world =>
        {
            world.Verifications[("12345678", WangBirthDate)] = Wang;
            world.NextAppointments.Clear();
            world.FreeSlots["PED"] = [new SlotOffer(Guid.NewGuid(), MondayMorning.AddDays(1), "PED", "Paediatrics", "Dr Zhou"), new SlotOffer(Guid.NewGuid(), MondayMorning.AddDays(2), "PED", "Paediatrics", "Dr Wu")];
        });
        Assert.Equal("choose-language", call.Session.CurrentStep);

        await call.PressAsync("2");
        Assert.Equal("en-US", call.Session.Language);
        await call.PressAsync("1");
        Assert.Equal("verify-mrn", call.Session.CurrentStep);
        await call.PressAsync("12345678");
        Assert.Contains("date of birth", call.Spoken[0], StringComparison.Ordinal);
        await call.PressAsync(WangBirthDate);
        Assert.Equal("no-appointment", call.Session.CurrentStep);
        await call.PressAsync("1");
        await call.PressAsync("3");
        Assert.Equal("book-ped", call.Session.CurrentStep);
        Assert.Contains(call.Spoken, s => s.Contains("Dr Wu", StringComparison.Ordinal));

        await call.PressAsync("2");

        Assert.Equal("book", call.World.AppointmentActions.Single().Action);
        Assert.Contains("You are booked", call.Spoken[0], StringComparison.Ordinal);
        Assert.Equal("appointment", call.World.SentSms.Single().Purpose);
        Assert.DoesNotContain(call.Session.Trace, t => t.Detail?.Contains("12345678", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task UnknownCallerAfterHours_LeavesVoicemail()
    {
        var call = await CallAsync(MondayNight);
        await call.PressAsync("1");
        Assert.Equal("after-hours", call.Session.CurrentStep);

        await call.PressAsync("1");
        Assert.Equal(["Record"], call.Verbs.Where(v => v == "Record"));
        await call.SendAsync(FlowEvent.Recorded, i => i with { RecordingUrl = "https://api.twilio.com/rec/RE1", RecordingDurationSeconds = 12 });

        var voicemail = Assert.Single(call.World.Voicemails);
        Assert.Equal(("general", FlowRun.CallerNumber, 12), (voicemail.Category, voicemail.CallerNumber, voicemail.DurationSeconds));
        Assert.True(call.Session.Ended);
    }

    [Fact]
    public async Task AfterHours_CallbackRequestIsStored()
    {
        var call = await CallAsync(MondayNight);
        await call.PressAsync("1");

        await call.PressAsync("2");

        Assert.Equal("general", Assert.Single(call.World.Callbacks).Queue);
        Assert.True(call.Session.Ended);
    }

    [Fact]
    public async Task VipCaller_AskingForAnAgent_QueuesWithPriority()
    {
        var call = await CallAsync(MondayMorning, world => Known(world, Wang with { Tags = ["VIP"] }));

        await call.PressAsync("0");

        var entry = Assert.Single(call.World.Enqueued);
        Assert.Equal(("general", 10, Wang.PatientId), (entry.Queue, entry.Priority, entry.PatientId));
        Assert.Contains("Enqueue", call.Verbs);
    }

    [Fact]
    public async Task TestResults_QueueOffersCallbackWhenWaitIsLong_AndKeepsPlace()
    {
        var call = await CallAsync(MondayMorning, world => Known(world, Wang));
        await call.PressAsync("2");
        Assert.Equal("test-results", call.World.Enqueued.Single().Queue);

        // Position 1 in the fake is 60 s; make the wait long with callers ahead.
        call.World.Enqueued.InsertRange(0, Enumerable.Range(0, 4).Select(i => call.World.Enqueued[0] with { CallSid = $"CA-ahead-{i}" }));
        await call.SendAsync(FlowEvent.Hold);
        Assert.Contains(call.Spoken, s => s.Contains("按1", StringComparison.Ordinal));

        await call.SendAsync(FlowEvent.HoldKey, i => i with { Digits = "1" });
        Assert.Contains("Leave", call.Verbs);
        await call.SendAsync(FlowEvent.QueueLeft, i => i with { QueueResult = "leave" });

        Assert.Equal("test-results", Assert.Single(call.World.Callbacks).Queue);
        Assert.True(call.Session.Ended);
    }

    private static async Task<FlowRun> CallAsync(DateTimeOffset now, Action<FakeWorld>? arrange = null)
    {
        var run = FlowRun.Of(File.ReadAllText(RepoFiles.Path("flows", "hospital-hotline.json")), now, world =>
        {
            foreach (var department in new[] { "IM", "SURG", "PED", "OBGYN", "OPH" })
            {
                world.Departments.Add(department);
            }

            arrange?.Invoke(world);
        });
        return await run.StartAsync();
    }

    private static void Known(FakeWorld world, CallerProfile patient)
    {
        world.PatientsByPhone[FlowRun.CallerNumber] = patient;
        world.Verifications[(WangMrn, WangBirthDate)] = patient;
        world.NextAppointments[patient.PatientId] = new AppointmentSummary(Guid.NewGuid(), MondayMorning.AddDays(1).AddHours(-0.5), "booked", "IM", "内科", "张建国");
    }
}
