using CallCenter.Core.Accounts;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;
using CallCenter.Core.Scheduling;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Seeding;

public sealed partial class DemoSeeder
{
    private async Task<List<Guid>> SeedPatientsAsync(Random random, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>(_options.Patients);
        var usedPhones = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _options.Patients; i++)
        {
            var input = NewPatient(random, i, usedPhones);
            var result = await patients.CreateAsync(Actor.System, input, cancellationToken);
            if (result.Value is not { } created)
            {
                throw new InvalidOperationException($"Demo patient {i} was refused: {string.Join(", ", result.Errors.Select(e => $"{e.Field} {e.Reason}"))}");
            }

            ids.Add(created.Patient.Id);
            await consents.AddAsync(Actor.System, created.Patient.Id, new ConsentInput("voice", true, "written"), cancellationToken);
            await consents.AddAsync(Actor.System, created.Patient.Id, new ConsentInput("sms", random.Next(10) < 8, "written"), cancellationToken);
            if ((i + 1) % 100 == 0)
            {
                logger.LogInformation("Demo data: {Done}/{Total} patients", i + 1, _options.Patients);
            }
        }

        return ids;
    }

    private static PatientInput NewPatient(Random random, int index, HashSet<string> usedPhones)
    {
        var english = random.Next(10) < 3;
        var female = random.Next(2) == 0;
        var phones = new List<PhoneInput?> { new(UniqueMobile(random, usedPhones), "mobile", true) };
        if (random.Next(5) == 0)
        {
            // Some landlines are typed the way reception writes them: area code and local number.
            phones.Add(new PhoneInput($"010 {random.Next(6000_0000, 6999_9999)}", "home"));
        }

        var tags = new List<string?>();
        if (random.Next(20) == 0)
        {
            tags.Add("VIP");
        }

        if (random.Next(5) == 0)
        {
            tags.Add(DemoNames.Pick(random, ["chronic", "diabetes", "hypertension", "pregnancy"]));
        }

        return new PatientInput(
            FullName: english ? DemoNames.English(random) : DemoNames.Chinese(random),
            Gender: female ? Genders.Female : Genders.Male,
            DateOfBirth: new DateOnly(1940, 1, 1).AddDays(random.Next(0, 80 * 365)),
            Phones: phones,
            Email: english ? $"patient{index}@example.com" : null,
            PreferredLanguage: english ? "en-US" : "zh-CN",
            Mrn: $"MRN{index + 100000:D8}",
            Tags: tags);
    }

    private static string UniqueMobile(Random random, HashSet<string> used)
    {
        string number;
        do
        {
            number = $"+86139{random.Next(0, 100_000_000):D8}";
        }
        while (!used.Add(number));
        return number;
    }

    private async Task SeedAppointmentsAsync(Random random, List<Guid> doctorIds, List<Guid> patientIds, CancellationToken cancellationToken)
    {
        var channels = Enum.GetValues<AppointmentChannel>();
        var booked = 0;
        var perDoctor = (int)Math.Ceiling(_options.Appointments / (double)doctorIds.Count);
        foreach (var doctorId in doctorIds)
        {
            var free = await slots.ListAsync(new SlotQuery(DoctorId: doctorId, From: Now, OnlyFree: true), new PageRequest(1, PageRequest.MaxPageSize), cancellationToken);
            foreach (var slot in free.Items.OrderBy(_ => random.Next()).Take(Math.Min(perDoctor, _options.Appointments - booked)))
            {
                var request = new BookingRequest(
                    DemoNames.Pick(random, patientIds), slot.Id, DemoNames.Pick(random, channels), DemoNames.Pick(random, DemoHospital.VisitReasons));
                var result = await appointments.BookAsync(Actor.System, request, cancellationToken);
                if (result.Appointment is { } appointment && random.Next(3) == 0)
                {
                    await appointments.TransitionAsync(Actor.System, appointment.Id, AppointmentStatus.Confirmed, cancellationToken: cancellationToken);
                }

                booked += result.Outcome == BookingOutcome.Booked ? 1 : 0;
            }
        }

        logger.LogInformation("Demo data: {Appointments} appointments", booked);
    }
}
