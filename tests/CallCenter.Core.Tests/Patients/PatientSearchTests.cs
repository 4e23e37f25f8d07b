using CallCenter.Core.Accounts;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Patients;

public sealed class PatientSearchTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Search_ByNameInAnotherCase_FindsSubstring(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IPatientRepository>();
        var marker = UniqueData.Name("qx");
        var patient = TestPatients.New(_time, $"Mary {marker.ToUpperInvariant()} Smith");
        await repository.CreateAsync(patient);

        var page = await repository.SearchAsync(new PatientSearch(Name: $"{marker.ToLowerInvariant()} smi"), new PageRequest(1));

        Assert.Equal([patient.Id], page.Items.Select(p => p.Id));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Search_ByChineseName_FindsSubstring(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IPatientRepository>();
        var marker = UniqueData.Name("k");
        var patient = TestPatients.New(_time, $"欧阳娜娜{marker}");
        var other = TestPatients.New(_time, $"欧阳修{marker}");
        await repository.CreateAsync(patient);
        await repository.CreateAsync(other);

        var page = await repository.SearchAsync(new PatientSearch(Name: $"娜娜{marker}"), new PageRequest(1));

        Assert.Equal([patient.Id], page.Items.Select(p => p.Id));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Search_WithLikeWildcardsInName_MatchesThemLiterally(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IPatientRepository>();
        var marker = UniqueData.Name("w");
        await repository.CreateAsync(TestPatients.New(_time, $"{marker} plain"));

        var page = await repository.SearchAsync(new PatientSearch(Name: $"{marker}%"), new PageRequest(1));

        Assert.Empty(page.Items);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Search_ByPhoneTypedInCommonFormats_FindsPatient(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IPatientRepository>();
        var lookup = services.GetRequiredService<PatientLookupService>();
        var e164 = UniqueData.ChinaMobile();
        var patient = TestPatients.New(_time, phones: e164);
        await repository.CreateAsync(patient);
        var national = e164[3..];
        string[] typed = [$"{national[..3]} {national[3..7]} {national[7..]}", $"+86 {national[..3]}-{national[3..7]}-{national[7..]}", $"0086{national}", national];

        foreach (var input in typed)
        {
            var result = await lookup.SearchAsync(Actor.System, null, input, null, new PageRequest(1));
            Assert.True(result.Outcome == PatientOutcome.Ok, input);
            Assert.Equal([patient.Id], result.Value!.Items.Select(p => p.Id));
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Search_ByMrnInLowerCase_FindsPatient(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IPatientRepository>();
        var lookup = services.GetRequiredService<PatientLookupService>();
        var patient = TestPatients.New(_time, mrn: UniqueData.Mrn());
        await repository.CreateAsync(patient);
        await repository.CreateAsync(TestPatients.New(_time, mrn: UniqueData.Mrn()));

        var result = await lookup.SearchAsync(Actor.System, null, null, patient.Mrn!.ToLowerInvariant(), new PageRequest(1));

        Assert.Equal([patient.Id], result.Value!.Items.Select(p => p.Id));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Search_ForAgent_ExcludesPatientsAssignedToAnotherConsultant(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IPatientRepository>();
        var accounts = services.GetRequiredService<AccountService>();
        var consultant = (await accounts.CreateAsync(UniqueData.Name("agent"), "Consultant", Roles.Agent, "Password-For-Tests-1"))!;
        var otherAgent = (await accounts.CreateAsync(UniqueData.Name("agent"), "Other", Roles.Agent, "Password-For-Tests-1"))!;
        var marker = UniqueData.Name("scope");
        var assigned = TestPatients.New(_time, $"{marker} assigned");
        var open = TestPatients.New(_time, $"{marker} open");
        await repository.CreateAsync(assigned);
        await repository.CreateAsync(open);
        await repository.SetAssignedUserAsync(assigned.Id, consultant.Id, _time.GetUtcNow().UtcDateTime);
        var search = new PatientSearch(Name: marker);

        var forOther = await repository.SearchAsync(search.For(new Actor(otherAgent.Id, otherAgent.UserName, Roles.Agent)), new PageRequest(1));
        var forConsultant = await repository.SearchAsync(search.For(new Actor(consultant.Id, consultant.UserName, Roles.Agent)), new PageRequest(1));
        var forSupervisor = await repository.SearchAsync(search.For(new Actor(Guid.NewGuid(), "boss", Roles.Supervisor)), new PageRequest(1));

        Assert.Equal([open.Id], forOther.Items.Select(p => p.Id));
        Assert.Equal(2, forConsultant.Items.Count);
        Assert.Equal(2, forSupervisor.Items.Count);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Search_MoreMatchesThanPageSize_PagesInNameOrder(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IPatientRepository>();
        var marker = UniqueData.Name("pg");
        foreach (var letter in new[] { "c", "a", "b" })
        {
            await repository.CreateAsync(TestPatients.New(_time, $"{marker} {letter}"));
        }

        var first = await repository.SearchAsync(new PatientSearch(Name: marker), new PageRequest(1, 2));
        var second = await repository.SearchAsync(new PatientSearch(Name: marker), new PageRequest(2, 2));

        Assert.Equal([$"{marker} a", $"{marker} b"], first.Items.Select(p => p.FullName));
        Assert.True(first.HasMore);
        Assert.Equal([$"{marker} c"], second.Items.Select(p => p.FullName));
        Assert.False(second.HasMore);
    }
}
