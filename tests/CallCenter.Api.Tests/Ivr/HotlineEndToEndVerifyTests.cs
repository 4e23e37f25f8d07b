using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Ivr;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>A caller proves who they are with record number and date of birth on the keypad, on the shipped hotline.</summary>
public sealed class HotlineEndToEndVerifyTests
{
    [Fact]
    public async Task UnknownNumber_WrongThenRightMrnAndBirthDate_CancelsAppointmentInEnglish()
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
        await phone.PressAsync(HotlineData.BirthDate); // a date of birth: the pair matches no one
        await phone.PressAsync(mrn + "#");    // the right one
        await phone.PressAsync(HotlineData.BirthDate);
        await phone.PressAsync("2");          // appointment menu: cancel
        await phone.PressAsync("2");          // anything else: end the call
        var call = await phone.WaitForStatusAsync("completed");
        Assert.DoesNotContain(call.Transcript, line => line.Kind == "error");

        Assert.Equal("cancelled", (await data.AppointmentAsync(appointmentId)).GetProperty("status").GetString());
        var english = call.Said.SkipWhile(line => line.Text != "For English, press 2.").Skip(1).ToList();
        Assert.All(english, line => Assert.Equal("en-US", line.Language));
        Assert.Contains(english, line => line.Text == "Sorry, the record number or date of birth did not match.");
        Assert.Contains(english, line => line.Text.StartsWith("Now enter your date of birth as 8 digits", StringComparison.Ordinal));
        Assert.Contains(english, line => line.Text.StartsWith("Your next appointment is on Tuesday 24 November at 10:00 AM, Ophthalmology", StringComparison.Ordinal));
        Assert.Contains(english, line => line.Text == "Your appointment has been cancelled.");

        var ivr = await data.IvrAsync(phone.CallSid);
        Assert.Equal(
            ["identify", "choose-language", "opening-hours", "main-menu", "verify-mrn", "next-appointment",
             "appointment-menu", "cancel-appointment", "cancelled", "anything-else", "goodbye"],
            ivr.Steps);
        Assert.DoesNotContain(ivr.Trace, t => (t.Detail ?? string.Empty).Contains(mrn, StringComparison.Ordinal) || (t.Detail ?? string.Empty).Contains("12345", StringComparison.Ordinal));

        // What the agent's screen-pop would show: verified at the second try, the same steps, and nothing typed.
        var outcome = await hub.Factory.Services.GetRequiredService<IIvrOutcomeReader>().FindAsync(phone.CallSid);
        Assert.Equal((IvrVerification.Verified, "en-US", "hospital-hotline"), (outcome!.Verification, outcome.Language, outcome.FlowId));
        Assert.Equal(ivr.Steps, outcome.Steps);
        Assert.Equal(ivr.MenuPath, outcome.MenuPath);
    }

    [Fact]
    public async Task KnownNumber_WithoutVerification_HearsNoAppointmentAndReachesAnAgent()
    {
        await using var hub = await LiveHub.StartAsync();
        var data = await HotlineData.SignInAsync(hub.Factory);
        var number = UniqueData.ChinaMobile();
        var patientId = await data.AddPatientAsync("Grace Wu", number, "en-US");
        await data.BookAsync(patientId, (await data.AddSlotsAsync("OPH", HotlineData.TomorrowTen))[0]);
        using var carrier = hub.CreateHttpClient();

        // A forged caller ID: the number is the patient's, the answers are not.
        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.PressAsync("1");          // main menu: appointments
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await phone.PressAsync("12345#");
            await phone.PressAsync("19700101");
        }

        var ivr = await Polling.UntilAsync(() => data.IvrAsync(phone.CallSid), v => v.CurrentStep == "appointments-queue", "the caller queued for an agent");
        var call = await phone.ReadAsync();
        Assert.DoesNotContain(call.Said, line => line.Text.Contains("Your next appointment", StringComparison.Ordinal) || line.Text.Contains("Grace", StringComparison.Ordinal));
        Assert.DoesNotContain("next-appointment", ivr.Steps);
        var outcome = await hub.Factory.Services.GetRequiredService<IIvrOutcomeReader>().FindAsync(phone.CallSid);
        Assert.Equal(IvrVerification.Failed, outcome!.Verification);
    }
}
