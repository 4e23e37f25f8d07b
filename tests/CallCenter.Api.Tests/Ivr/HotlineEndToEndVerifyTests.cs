using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Ivr;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>A caller from a number not on record proves who they are with their MRN on the keypad, on the shipped hotline.</summary>
public sealed class HotlineEndToEndVerifyTests
{
    [Fact]
    public async Task UnknownNumber_WrongThenRightMrn_CancelsAppointmentInEnglish()
    {
        await using var hub = await LiveHub.StartAsync();
        var data = await HotlineData.SignInAsync(hub.Factory);
        var mrn = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var patientId = await data.AddPatientAsync("Grace Wu", UniqueData.ChinaMobile(), "en-US", mrn);
        var appointmentId = await data.BookAsync(patientId, (await data.AddSlotsAsync("OPH", HotlineData.TomorrowTen))[0]);
        using var carrier = hub.CreateHttpClient();

        var phone = await SimulatedPhone.CallAsync(carrier, UniqueData.ChinaMobile());
        await phone.PressAsync("2");          // language: English
        await phone.PressAsync("1");          // main menu: appointments
        await phone.PressAsync("12345#");     // a wrong record number
        await phone.PressAsync(mrn + "#");    // the right one
        await phone.PressAsync("2");          // appointment menu: cancel
        await phone.PressAsync("2");          // anything else: end the call
        var call = await phone.WaitForStatusAsync("completed");
        Assert.DoesNotContain(call.Transcript, line => line.Kind == "error");

        Assert.Equal("cancelled", (await data.AppointmentAsync(appointmentId)).GetProperty("status").GetString());
        var english = call.Said.SkipWhile(line => line.Text != "For English, press 2.").Skip(1).ToList();
        Assert.All(english, line => Assert.Equal("en-US", line.Language));
        Assert.Contains(english, line => line.Text == "Sorry, we could not find that record number.");
        Assert.Contains(english, line => line.Text.StartsWith("Your next appointment is on Tuesday 24 November at 10:00 AM, Ophthalmology", StringComparison.Ordinal));
        Assert.Contains(english, line => line.Text == "Your appointment has been cancelled.");

        var ivr = await data.IvrAsync(phone.CallSid);
        Assert.Equal(
            ["identify", "choose-language", "opening-hours", "main-menu", "appointments", "verify-mrn", "next-appointment",
             "appointment-menu", "cancel-appointment", "cancelled", "anything-else", "goodbye"],
            ivr.Steps);
        Assert.DoesNotContain(ivr.Trace, t => (t.Detail ?? string.Empty).Contains(mrn, StringComparison.Ordinal) || (t.Detail ?? string.Empty).Contains("12345", StringComparison.Ordinal));

        // What the agent's screen-pop would show: verified at the second try, the same steps, and nothing typed.
        var outcome = await hub.Factory.Services.GetRequiredService<IIvrOutcomeReader>().FindAsync(phone.CallSid);
        Assert.Equal((IvrVerification.Verified, "en-US", "hospital-hotline"), (outcome!.Verification, outcome.Language, outcome.FlowId));
        Assert.Equal(ivr.Steps, outcome.Steps);
        Assert.Equal(ivr.MenuPath, outcome.MenuPath);
    }
}
