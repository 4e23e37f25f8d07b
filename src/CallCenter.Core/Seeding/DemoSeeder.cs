using CallCenter.Core.Accounts;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;
using CallCenter.Core.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Seeding;

/// <summary>
/// Loads a realistic demo hospital into an empty database: departments, doctors, a month of slots, patients
/// with Chinese and English names, their consents and appointments, and staff accounts. Everything goes through
/// the same services the API uses, so the demo data obeys every rule real data does (and is audited as "system").
/// </summary>
public sealed partial class DemoSeeder(
    IDepartmentRepository departments,
    IDoctorRepository doctors,
    ISlotRepository slots,
    PatientService patients,
    PatientConsentService consents,
    AppointmentService appointments,
    AccountService accounts,
    IUserRepository users,
    Agents.IAgentProfileRepository agentProfiles,
    IOptions<DemoSeedOptions> options,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    private readonly DemoSeedOptions _options = options.Value;

    /// <summary>Seeds once; a database that already has departments is left alone. Returns whether it seeded.</summary>
    public async Task<bool> SeedAsync(string? staffPassword, TextWriter console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        if ((await departments.ListAsync(new PageRequest(1, 1), cancellationToken)).Items.Count > 0)
        {
            logger.LogInformation("Demo data: the database already has departments; nothing seeded");
            return false;
        }

        var random = new Random(_options.RandomSeed);
        await SeedStaffAsync(staffPassword, console, cancellationToken);
        await SeedAgentProfilesAsync(cancellationToken);
        var doctorIds = await SeedScheduleAsync(random, cancellationToken);
        var patientIds = await SeedPatientsAsync(random, cancellationToken);
        await SeedAppointmentsAsync(random, doctorIds, patientIds, cancellationToken);
        logger.LogInformation("Demo data: done");
        return true;
    }

    private async Task SeedStaffAsync(string? staffPassword, TextWriter console, CancellationToken cancellationToken)
    {
        var generated = string.IsNullOrEmpty(staffPassword);
        var password = generated ? AccountService.GeneratePassword() : staffPassword!;
        if (!generated && accounts.CheckPasswordStrength(password) is { } reason)
        {
            throw new InvalidOperationException($"{DemoSeedOptions.PasswordVariable} {reason}.");
        }

        foreach (var (userName, displayName, role) in DemoHospital.Staff)
        {
            await accounts.CreateAsync(userName, displayName, role, password, cancellationToken);
        }

        logger.LogInformation("Demo data: {Count} staff accounts", DemoHospital.Staff.Length);
        if (generated)
        {
            // The console and not the log, like the admin password: secrets stay out of log files.
            await console.WriteLineAsync(
                $"==== Demo staff accounts {string.Join(", ", DemoHospital.Staff.Select(s => s.UserName))} have the password: {password}");
        }
    }

    private async Task<List<Guid>> SeedScheduleAsync(Random random, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var doctorIds = new List<Guid>();
        var slotCount = 0;
        foreach (var seed in DemoHospital.Departments)
        {
            var department = new Department { Id = Ids.New(time), Code = seed.Code, Name = seed.Name, NameEn = seed.NameEn, CreatedAt = Now };
            await departments.TryCreateAsync(department, cancellationToken);
            foreach (var name in seed.Doctors)
            {
                var doctor = new Doctor
                {
                    Id = Ids.New(time),
                    DepartmentId = department.Id,
                    Name = name,
                    Title = DemoNames.Pick(random, DemoHospital.DoctorTitles),
                    CreatedAt = Now,
                };
                await doctors.CreateAsync(doctor, cancellationToken);
                doctorIds.Add(doctor.Id);

                // Mornings 08:00-12:00 and afternoons 14:00-17:00 on weekdays, 15-minute visits.
                foreach (var (start, end) in new[] { (new TimeOnly(8, 0), new TimeOnly(12, 0)), (new TimeOnly(14, 0), new TimeOnly(17, 0)) })
                {
                    var plan = new SlotPlan
                    {
                        DoctorId = doctor.Id,
                        FromDate = today.AddDays(1),
                        ToDate = today.AddDays(_options.Days),
                        DailyStart = start,
                        DailyEnd = end,
                        SlotMinutes = 15,
                        Capacity = 1,
                        Weekdays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
                        TimeZoneId = _options.TimeZone,
                    };
                    slotCount += await slots.CreateManyAsync(doctor.Id, SlotGenerator.Expand(plan, zone), plan.Capacity, cancellationToken) ?? 0;
                }
            }

            logger.LogInformation("Demo data: department {Code} with {Doctors} doctors", seed.Code, seed.Doctors.Length);
        }

        logger.LogInformation("Demo data: {Slots} slots over {Days} days", slotCount, _options.Days);
        return doctorIds;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
