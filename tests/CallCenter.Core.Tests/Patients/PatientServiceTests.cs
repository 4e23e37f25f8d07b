using CallCenter.Core.Accounts;
using CallCenter.Core.Patients;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Patients;

public sealed class PatientServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_WithMrnOfAnotherPatient_ReturnsMrnTakenNamingIt(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var patients = services.GetRequiredService<PatientService>();
        var mrn = UniqueData.Mrn();
        var first = await patients.CreateAsync(Actor.System, new PatientInput("First", Mrn: mrn));

        var second = await patients.CreateAsync(Actor.System, new PatientInput("Second", Mrn: $" {mrn.ToLowerInvariant()} "));

        Assert.Equal(PatientOutcome.MrnTaken, second.Outcome);
        Assert.Equal(first.Value!.Patient.Id, second.ExistingPatientId);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_WithPhoneOfAnotherPatient_CreatesAndWarns(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var patients = services.GetRequiredService<PatientService>();
        var shared = UniqueData.ChinaMobile();
        var mother = await patients.CreateAsync(Actor.System, new PatientInput("Mother", Phones: [new PhoneInput(shared)]));

        var child = await patients.CreateAsync(Actor.System, new PatientInput("Child", Phones: [new PhoneInput(UniqueData.ChinaMobile()), new PhoneInput(shared)]));

        Assert.Equal(PatientOutcome.Ok, child.Outcome);
        Assert.Equal([new DuplicateWarning("phones[1].number", mother.Value!.Patient.Id)], child.Value!.Warnings);
        Assert.Empty(mother.Value.Warnings);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_WithoutTimeZoneOrLanguage_UsesConfiguredDefaults(string engine)
    {
        var settings = new Dictionary<string, string?> { ["Patients:DefaultTimeZone"] = "America/New_York", ["Patients:DefaultLanguage"] = "en-US" };
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time, settings);
        var patients = services.GetRequiredService<PatientService>();

        var created = await patients.CreateAsync(Actor.System, new PatientInput("Defaults"));
        var found = await services.GetRequiredService<IPatientRepository>().FindAsync(created.Value!.Patient.Id);

        Assert.Equal("America/New_York", found!.TimeZone);
        Assert.Equal("en-US", found.PreferredLanguage);
        Assert.Equal(Genders.Unknown, found.Gender);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_KeepsAssignmentAndCreationTime(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var patients = services.GetRequiredService<PatientService>();
        var consultant = (await services.GetRequiredService<AccountService>().CreateAsync(UniqueData.Name("agent"), "C", Roles.Agent, "Password-For-Tests-1"))!;
        var created = await patients.CreateAsync(Actor.System, new PatientInput("Before"));
        var id = created.Value!.Patient.Id;
        await patients.AssignAsync(Actor.System, id, consultant.Id);
        _time.Advance(TimeSpan.FromHours(1));

        var updated = await patients.UpdateAsync(Actor.System, id, new PatientInput("After"));
        var found = await services.GetRequiredService<IPatientRepository>().FindAsync(id);

        Assert.Equal(PatientOutcome.Ok, updated.Outcome);
        Assert.Equal("After", found!.FullName);
        Assert.Equal(consultant.Id, found.AssignedUserId);
        Assert.Equal(created.Value.Patient.CreatedAt, found.CreatedAt);
        Assert.Equal(created.Value.Patient.CreatedAt.AddHours(1), found.UpdatedAt);
    }
}
