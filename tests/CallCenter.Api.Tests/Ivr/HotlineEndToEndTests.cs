using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.FollowUps;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>
/// Whole calls against the shipped hotline (flows/hospital-hotline.json): a patient's phone on the carrier simulator
/// calls the hub over real HTTP, listens and presses keys; the hub answers every webhook from the flow.
/// </summary>
public sealed class HotlineEndToEndTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task KnownCaller_ConfirmsTomorrowsAppointmentInMandarin_AppointmentConfirmedAndTraced(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine);
        var data = await HotlineData.SignInAsync(hub.Factory);
        var number = UniqueData.ChinaMobile();
        var patientId = await data.AddPatientAsync("林晓梅", number, "zh-CN");
        var slots = await data.AddSlotsAsync("IM", HotlineData.TomorrowTen);
        var appointmentId = await data.BookAsync(patientId, slots[0]);
        using var carrier = hub.CreateHttpClient();

        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.PressAsync("1");  // main menu: appointments
        foreach (var keys in data.VerificationKeys(patientId))
        {
            await phone.PressAsync(keys);  // record number, then date of birth
        }

        await phone.PressAsync("1");  // appointment menu: confirm
        await phone.PressAsync("2");  // anything else: end the call
        var call = await phone.WaitForStatusAsync("completed");
        Assert.DoesNotContain(call.Transcript, line => line.Kind == "error");

        Assert.Equal("confirmed", (await data.AppointmentAsync(appointmentId)).GetProperty("status").GetString());
        Assert.All(call.Said, line => Assert.Equal("zh-CN", line.Language));
        Assert.Equal("您好，欢迎致电医院患者服务中心。", call.Said[0].Text);  // caller ID proves nothing: no name before verification
        Assert.Contains(call.Said, line => line.Text == "为保护您的隐私，请输入您的病历号，以井号键结束。");
        Assert.Contains(call.Said, line => line.Text.StartsWith("您的下一个预约是11月24日 星期二 上午10点，", StringComparison.Ordinal) && line.Text.Contains("王医生", StringComparison.Ordinal));
        Assert.Contains(call.Said, line => line.Text == "您的预约已确认，请按时就诊。");
        Assert.Equal("感谢您的来电，再见。", call.Said[^1].Text);

        var ivr = await data.IvrAsync(phone.CallSid);
        Assert.Equal("hospital-hotline", ivr.FlowId);
        Assert.Equal("zh-CN", ivr.Language);
        Assert.True(ivr.Ended);
        Assert.Equal(
            ["identify", "greet-known", "greet-returning", "opening-hours", "main-menu", "verify-mrn", "next-appointment", "appointment-menu",
             "confirm-appointment", "confirmed", "anything-else", "goodbye"],
            ivr.Steps);
        Assert.Equal(["1", "1", "2"], ivr.MenuPath);
        var stored = await Polling.UntilAsync(() => data.CallAsync(phone.CallSid), c => c?.Status == "completed", "the hub's call status");
        Assert.Equal(patientId, stored!.PatientId);
    }

    [Fact]
    public async Task UnknownCallerAfterHours_ChoosesEnglishAndLeavesVoicemail_FollowUpCreated()
    {
        await using var hub = await LiveHub.StartAsync();
        hub.Factory.Time.Advance(TimeSpan.FromHours(13)); // Monday 22:00 in Shanghai: the hotline is closed
        var data = await HotlineData.SignInAsync(hub.Factory);
        var number = UniqueData.ChinaMobile();
        using var carrier = hub.CreateHttpClient();

        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.PressAsync("2");  // language: English
        await phone.PressAsync("1");  // after hours: leave a message
        await phone.RecordAsync("Please call me back about my test results.", hub.Factory.Time, TimeSpan.FromSeconds(3));
        var call = await phone.WaitForStatusAsync("completed");
        Assert.DoesNotContain(call.Transcript, line => line.Kind == "error");

        var english = call.Said.SkipWhile(line => line.Text != "For English, press 2.").Skip(1).ToList();
        Assert.NotEmpty(english);
        Assert.All(english, line => Assert.Equal("en-US", line.Language));
        Assert.StartsWith("Our lines are closed now.", english[0].Text, StringComparison.Ordinal);
        Assert.Contains(english, line => line.Text.StartsWith("Please leave a message", StringComparison.Ordinal));
        Assert.Equal("Thank you, we have your message and will contact you soon. Goodbye.", english[^1].Text);
        Assert.Contains(call.Transcript, line => line.Kind == "recorded");

        var followUps = await hub.Factory.Services.GetRequiredService<IFollowUpRepository>().ForCallAsync(phone.CallSid);
        var followUp = Assert.Single(followUps);
        Assert.Equal((FollowUpKinds.Voicemail, "general", "en-US", number, FollowUpStatuses.Open), (followUp.Kind, followUp.Category, followUp.Language, followUp.CallerNumber, followUp.Status));
        Assert.Equal(3, followUp.DurationSeconds);
        Assert.Null(followUp.PatientId);
        Assert.StartsWith(hub.BaseAddress.ToString().TrimEnd('/') + "/simulator/", followUp.RecordingUrl, StringComparison.Ordinal);

        var ivr = await data.IvrAsync(phone.CallSid);
        Assert.Equal("en-US", ivr.Language);
        Assert.Equal(["identify", "choose-language", "opening-hours", "after-hours", "voicemail", "voicemail-thanks"], ivr.Steps);
        Assert.Contains(ivr.Trace, t => t is { Step: "opening-hours", Event: "transition", Detail: "closed -> after-hours" });
    }

    [Fact]
    public async Task KnownCallerWithoutAppointment_BooksSecondOfferedSlotByKeypad_BookedTextSentAndReplyConfirms()
    {
        const string smsFrom = "+861065550001";
        await using var hub = await LiveHub.StartAsync(TestEngines.Sqlite, new Dictionary<string, string?> { ["Ivr:SmsFrom"] = smsFrom });
        var data = await HotlineData.SignInAsync(hub.Factory);
        var number = UniqueData.ChinaMobile();
        var patientId = await data.AddPatientAsync("周建国", number, "zh-CN");
        var slots = await data.AddSlotsAsync("IM", HotlineData.TomorrowTen, HotlineData.TomorrowTen.AddHours(1));
        using var carrier = hub.CreateHttpClient();

        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.PressAsync("1");  // main menu: appointments
        foreach (var keys in data.VerificationKeys(patientId))
        {
            await phone.PressAsync(keys);  // record number, then date of birth
        }

        await phone.PressAsync("1");  // no appointment: book one
        await phone.PressAsync("1");  // department: internal medicine (IM)
        await phone.PressAsync("2");  // the second slot offered
        await phone.PressAsync("2");  // anything else: end the call
        var call = await phone.WaitForStatusAsync("completed");
        Assert.DoesNotContain(call.Transcript, line => line.Kind == "error");

        var appointment = Assert.Single(await data.AppointmentsOfAsync(patientId));
        Assert.Equal(slots[1], appointment.GetProperty("slotId").GetGuid());
        Assert.Equal("booked", appointment.GetProperty("status").GetString());
        Assert.All(call.Said, line => Assert.Equal("zh-CN", line.Language));
        Assert.Contains(call.Said, line => line.Text == "11月24日 星期二 上午11点，王医生，请按2。");
        Assert.Contains(call.Said, line => line.Text.StartsWith("预约成功：11月24日 星期二 上午11点", StringComparison.Ordinal));

        var messages = await Polling.UntilAsync(phone.MessagesAsync, m => m.Count > 0, "the confirmation text");
        var text = Assert.Single(messages);
        Assert.Equal(smsFrom, text.From);
        Assert.StartsWith("【医院】您已预约11月24日 星期二 上午11点", text.Body, StringComparison.Ordinal);

        // The text asks for 1 to confirm: the reply goes through the shipped SMS flow to the appointment booked.
        await phone.TextAsync(smsFrom, "1");
        Assert.Equal("confirmed", (await data.AppointmentAsync(appointment.GetProperty("id").GetGuid())).GetProperty("status").GetString());
        var thread = await Polling.UntilAsync(phone.MessagesAsync, m => m.Count >= 3, "the reply's answer");
        Assert.Contains(thread, m => m.Body == "【医院】您的预约已确认，请按时就诊。" && m.To == number);

        var ivr = await data.IvrAsync(phone.CallSid);
        Assert.Equal(
            ["identify", "greet-known", "greet-returning", "opening-hours", "main-menu", "verify-mrn", "next-appointment", "no-appointment",
             "choose-department", "book-im", "booked", "booked-sms", "anything-else", "goodbye"],
            ivr.Steps);
    }
}
