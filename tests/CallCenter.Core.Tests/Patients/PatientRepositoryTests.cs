using CallCenter.Core.Common;
using CallCenter.Core.Patients;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Patients;

public sealed class PatientRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CreateThenFind_RoundTripsEveryField(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IPatientRepository>();
        var home = UniqueData.ChinaMobile();
        var mobile = UniqueData.ChinaMobile();
        var patient = TestPatients.New(_time, "张伟 Zhang Wei", UniqueData.Mrn()) with
        {
            Gender = Genders.Male,
            DateOfBirth = new DateOnly(1980, 2, 29),
            Email = "zhang.wei@example.com",
            PreferredLanguage = "en-US",
            TimeZone = "Europe/London",
            Notes = "对青霉素过敏",
            Phones =
            [
                new PatientPhone { E164 = home, Kind = PhoneKinds.Home, IsPrimary = false },
                new PatientPhone { E164 = mobile, Kind = PhoneKinds.Mobile, IsPrimary = true },
            ],
            Tags = ["VIP", "chronic"],
        };

        Assert.Equal(PatientSaveResult.Saved, await repository.CreateAsync(patient));
        var found = await repository.FindAsync(patient.Id);

        Assert.NotNull(found);
        Assert.Equal("张伟 Zhang Wei", found.FullName);
        Assert.Equal(Genders.Male, found.Gender);
        Assert.Equal(new DateOnly(1980, 2, 29), found.DateOfBirth);
        Assert.Equal("zhang.wei@example.com", found.Email);
        Assert.Equal("en-US", found.PreferredLanguage);
        Assert.Equal("Europe/London", found.TimeZone);
        Assert.Equal(patient.Mrn, found.Mrn);
        Assert.Equal("对青霉素过敏", found.Notes);
        Assert.Equal(patient.CreatedAt, found.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, found.CreatedAt.Kind);
        Assert.Null(found.AssignedUserId);
        Assert.Equal([mobile, home], found.Phones.Select(p => p.E164));
        Assert.Equal([true, false], found.Phones.Select(p => p.IsPrimary));
        Assert.Equal([PhoneKinds.Mobile, PhoneKinds.Home], found.Phones.Select(p => p.Kind));
        Assert.Equal(["VIP", "chronic"], found.Tags.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_ReplacesRecordPhonesAndTags(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IPatientRepository>();
        var patient = TestPatients.New(_time, mrn: UniqueData.Mrn(), phones: UniqueData.ChinaMobile()) with { Tags = ["VIP"], DateOfBirth = new DateOnly(1990, 1, 1) };
        await repository.CreateAsync(patient);
        var newPhone = UniqueData.ChinaMobile();
        _time.Advance(TimeSpan.FromMinutes(5));

        var result = await repository.UpdateAsync(patient with
        {
            FullName = "Li Na",
            DateOfBirth = null,
            Mrn = null,
            Phones = [new PatientPhone { E164 = newPhone, Kind = PhoneKinds.Work, IsPrimary = true }],
            Tags = ["chronic"],
            UpdatedAt = _time.GetUtcNow().UtcDateTime,
        });
        var found = await repository.FindAsync(patient.Id);

        Assert.Equal(PatientSaveResult.Saved, result);
        Assert.Equal("Li Na", found!.FullName);
        Assert.Null(found.DateOfBirth);
        Assert.Null(found.Mrn);
        Assert.Equal([newPhone], found.Phones.Select(p => p.E164));
        Assert.Equal(["chronic"], found.Tags);
        Assert.Equal(patient.CreatedAt.AddMinutes(5), found.UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_UnknownPatient_ReturnsNotFound(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IPatientRepository>();

        Assert.Equal(PatientSaveResult.NotFound, await repository.UpdateAsync(TestPatients.New(_time)));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_WithTakenMrn_ReturnsMrnTakenAndStoresNothing(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IPatientRepository>();
        var mrn = UniqueData.Mrn();
        var first = TestPatients.New(_time, mrn: mrn);
        await repository.CreateAsync(first);
        var second = TestPatients.New(_time, mrn: mrn, phones: UniqueData.ChinaMobile());

        var result = await repository.CreateAsync(second);

        Assert.Equal(PatientSaveResult.MrnTaken, result);
        Assert.Null(await repository.FindAsync(second.Id));
        Assert.Empty(await repository.FindByPhoneAsync(second.Phones[0].E164));
        Assert.Equal(first.Id, await repository.FindIdByMrnAsync(mrn));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FindByPhone_SharedByFamily_ReturnsEveryPatientWithPrimaryPhone(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IPatientRepository>();
        var shared = UniqueData.ChinaMobile();
        var own = UniqueData.ChinaMobile();
        var mother = TestPatients.New(_time, phones: shared);
        await repository.CreateAsync(mother);
        _time.Advance(TimeSpan.FromSeconds(1));
        var child = TestPatients.New(_time, phones: [own, shared]);
        await repository.CreateAsync(child);

        var found = await repository.FindByPhoneAsync(shared);

        Assert.Equal([mother.Id, child.Id], found.Select(p => p.Id));
        Assert.Equal(own, found.Single(p => p.Id == child.Id).PrimaryPhone);
        Assert.Empty(await repository.FindByPhoneAsync(UniqueData.ChinaMobile()));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SetAssignedUser_UnknownPatient_ReturnsFalse(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IPatientRepository>();

        Assert.False(await repository.SetAssignedUserAsync(Guid.NewGuid(), null, _time.GetUtcNow().UtcDateTime));
    }
}
