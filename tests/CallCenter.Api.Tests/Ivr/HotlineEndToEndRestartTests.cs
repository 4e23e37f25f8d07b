using CallCenter.Testing;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>
/// The hub restarted in the middle of a call on the shipped hotline, with the carrier on another host
/// (<see cref="RestartableHotline"/>): the call carries on where it was and nothing is lost.
/// </summary>
public sealed class HotlineEndToEndRestartTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task HubRestartedAtMainMenu_CallerCarriesOnAndConfirms_NothingLost(string engine)
    {
        await using var hotline = await RestartableHotline.StartAsync(engine);
        var data = await HotlineData.SignInAsync(hotline.Hub!.Factory);
        var number = UniqueData.ChinaMobile();
        var patientId = await data.AddPatientAsync("Emily Chen", number, "en-US");
        var appointmentId = await data.BookAsync(patientId, (await data.AddSlotsAsync("IM", HotlineData.TomorrowTen))[0]);

        var phone = await SimulatedPhone.CallAsync(hotline.Carrier, number);
        await phone.WaitForAsync(c => c.Lines("gather").Any(), "the main menu");
        Assert.Equal("main-menu", (await data.IvrAsync(phone.CallSid)).CurrentStep);
        var restarted = await hotline.RestartHubAsync(whileDown: async () => Assert.Equal("in-progress", (await phone.ReadAsync()).Status));
        var after = await HotlineData.SignInAsync(restarted.Factory);
        await phone.PressAsync("1");  // main menu: appointments
        foreach (var keys in data.VerificationKeys(patientId))
        {
            await phone.PressAsync(keys);  // record number, then date of birth
        }

        await phone.PressAsync("1");  // appointment menu: confirm
        await phone.PressAsync("2");  // anything else: end the call
        var call = await phone.WaitForStatusAsync("completed");
        Assert.DoesNotContain(call.Transcript, line => line.Kind == "error");

        Assert.Equal("confirmed", (await after.AppointmentAsync(appointmentId)).GetProperty("status").GetString());
        Assert.All(call.Said, line => Assert.Equal("en-US", line.Language));
        Assert.Equal("Hello, welcome to the hospital patient service centre.", call.Said[0].Text);
        Assert.Contains(call.Said, line => line.Text.StartsWith("Your next appointment is on Tuesday 24 November at 10:00 AM,", StringComparison.Ordinal));
        Assert.Contains(call.Said, line => line.Text == "Your appointment is confirmed. We look forward to seeing you.");

        var ivr = await after.IvrAsync(phone.CallSid);
        Assert.True(ivr.Ended);
        Assert.Equal(
            ["identify", "greet-known", "greet-returning", "opening-hours", "main-menu", "verify-mrn", "next-appointment", "appointment-menu",
             "confirm-appointment", "confirmed", "anything-else", "goodbye"],
            ivr.Steps);
        Assert.Equal(["1", "1", "2"], ivr.MenuPath);
        var stored = await Polling.UntilAsync(() => after.CallAsync(phone.CallSid), c => c?.Status == "completed", "the restarted hub's call status");
        Assert.Equal(["ringing", "in-progress", "completed"], stored!.Events);
        Assert.Equal(patientId, stored.PatientId);
    }

    [Fact]
    public async Task HubRestartedWhileSlotsOffered_CallerPressesKey_BooksTheSlotHeard()
    {
        await using var hotline = await RestartableHotline.StartAsync(TestEngines.Sqlite);
        var data = await HotlineData.SignInAsync(hotline.Hub!.Factory);
        var number = UniqueData.ChinaMobile();
        var patientId = await data.AddPatientAsync("Li Na", number, "en-US");
        var slots = await data.AddSlotsAsync("IM", HotlineData.TomorrowTen, HotlineData.TomorrowTen.AddHours(1), HotlineData.TomorrowTen.AddHours(2));

        var phone = await SimulatedPhone.CallAsync(hotline.Carrier, number);
        await phone.PressAsync("1");  // main menu: appointments
        foreach (var keys in data.VerificationKeys(patientId))
        {
            await phone.PressAsync(keys);  // record number, then date of birth
        }

        await phone.PressAsync("1");  // no appointment: book one
        await phone.PressAsync("1");  // department: internal medicine (IM)
        await phone.WaitForNextGatherAsync(); // the slots are offered
        Assert.Equal("book-im", (await data.IvrAsync(phone.CallSid)).CurrentStep);
        var restarted = await hotline.RestartHubAsync();
        var after = await HotlineData.SignInAsync(restarted.Factory);
        await phone.PostDigitsAsync("3"); // the third slot offered, pressed to the restarted hub
        await phone.PressAsync("2");      // anything else: end the call
        var call = await phone.WaitForStatusAsync("completed");
        Assert.DoesNotContain(call.Transcript, line => line.Kind == "error");

        var appointment = Assert.Single(await after.AppointmentsOfAsync(patientId));
        Assert.Equal(slots[2], appointment.GetProperty("slotId").GetGuid());
        Assert.Contains(call.Said, line => line.Text == "Press 3 for Tuesday 24 November at 12:00 PM with 王医生.");
        Assert.Contains(call.Said, line => line.Text.StartsWith("You are booked for Tuesday 24 November at 12:00 PM,", StringComparison.Ordinal));
        var ivr = await after.IvrAsync(phone.CallSid);
        Assert.Equal(["book-im", "booked", "booked-sms", "anything-else", "goodbye"], ivr.Steps.SkipWhile(s => s != "book-im"));
    }
}
