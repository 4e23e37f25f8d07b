using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>
/// The hub restarted in the middle of a call. The carrier must outlive the hub, so it runs in another process: host A
/// only carries calls (its simulator's webhooks go to host B's address), host B is the hub under test. Both share the
/// simulator's auth token, so B checks A's signatures as it would Twilio's.
/// </summary>
public sealed class HotlineEndToEndRestartTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task HubRestartedMidCall_CallerCarriesOnAndConfirms_NothingLost(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var port = LiveHub.FreePort();
        var token = "e2e-" + Guid.NewGuid().ToString("N");
        var hubSettings = new Dictionary<string, string?> { ["Telephony:SimulatorAuthToken"] = token };
        var hub = LiveHub.Start(database, port, hubSettings);
        await using var carrierHost = await LiveHub.StartAsync(TestEngines.Sqlite, new Dictionary<string, string?>
        {
            ["Telephony:SimulatorAuthToken"] = token,
            ["Twilio:PublicBaseUrl"] = hub.BaseAddress.ToString().TrimEnd('/'),
        });
        var data = await HotlineData.SignInAsync(hub.Factory);
        var number = UniqueData.ChinaMobile();
        var patientId = await data.AddPatientAsync("Emily Chen", number, "en-US");
        var appointmentId = await data.BookAsync(patientId, (await data.AddSlotsAsync("IM", HotlineData.TomorrowTen))[0]);
        using var carrier = carrierHost.CreateHttpClient();

        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.WaitForAsync(c => c.Lines("gather").Any(), "the main menu");
        Assert.Equal("main-menu", (await data.IvrAsync(phone.CallSid)).CurrentStep);
        await hub.DisposeAsync();
        Assert.Equal("in-progress", (await phone.ReadAsync()).Status);

        await using var restarted = LiveHub.Start(database, port, hubSettings);
        var after = await HotlineData.SignInAsync(restarted.Factory);
        await phone.PressAsync("1");  // main menu: appointments
        await phone.PressAsync("1");  // appointment menu: confirm
        await phone.PressAsync("2");  // anything else: end the call
        var call = await phone.WaitForStatusAsync("completed");

        Assert.Equal("confirmed", (await after.AppointmentAsync(appointmentId)).GetProperty("status").GetString());
        Assert.All(call.Said, line => Assert.Equal("en-US", line.Language));
        Assert.StartsWith("Hello Emily", call.Said[0].Text, StringComparison.Ordinal);
        Assert.Contains(call.Said, line => line.Text.StartsWith("Your next appointment is on Tuesday 24 November at 10:00 AM,", StringComparison.Ordinal));
        Assert.Contains(call.Said, line => line.Text == "Your appointment is confirmed. We look forward to seeing you.");
        Assert.DoesNotContain(call.Transcript, line => line.Kind == "error");

        var ivr = await after.IvrAsync(phone.CallSid);
        Assert.True(ivr.Ended);
        Assert.Equal(
            ["identify", "greet-known", "opening-hours", "main-menu", "appointments", "next-appointment", "appointment-menu",
             "confirm-appointment", "confirmed", "anything-else", "goodbye"],
            ivr.Steps);
        Assert.Equal(["1", "1", "2"], ivr.MenuPath);
        var stored = await Polling.UntilAsync(() => after.CallAsync(phone.CallSid), c => c?.Status == "completed", "the restarted hub's call status");
        Assert.Equal(["ringing", "in-progress", "completed"], stored!.Events);
        Assert.Equal(patientId, stored.PatientId);
    }
}
