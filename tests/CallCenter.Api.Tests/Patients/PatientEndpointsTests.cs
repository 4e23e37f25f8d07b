using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Patients;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Patients;

public sealed class PatientEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CreateThenGet_ReturnsEveryField(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var mrn = UniqueData.Mrn();
        var phone = UniqueData.ChinaMobile();

        var created = await agent.Client.PostAsJsonAsync("/api/patients", new
        {
            fullName = "陈静",
            gender = "female",
            dateOfBirth = "1975-06-01",
            phones = new[] { new { number = $"0086{phone[3..]}", kind = "home", isPrimary = true } },
            email = "chen.jing@example.com",
            preferredLanguage = "zh-CN",
            timeZone = "Asia/Shanghai",
            mrn,
            tags = new[] { "VIP" },
            notes = "prefers mornings",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<PatientResponse>())!.Id;
        Assert.Equal($"/api/patients/{id}", created.Headers.Location!.OriginalString);

        var patient = await agent.Client.GetFromJsonAsync<PatientResponse>($"/api/patients/{id}");

        Assert.Equal("陈静", patient!.FullName);
        Assert.Equal("female", patient.Gender);
        Assert.Equal(new DateOnly(1975, 6, 1), patient.DateOfBirth);
        Assert.Equal(phone, Assert.Single(patient.Phones).E164);
        Assert.Equal("home", patient.Phones[0].Kind);
        Assert.Equal("chen.jing@example.com", patient.Email);
        Assert.Equal(mrn, patient.Mrn);
        Assert.Equal(["VIP"], patient.Tags);
        Assert.Equal("prefers mornings", patient.Notes);
        Assert.Empty(patient.Warnings);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Get_UnknownId_Returns404(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var response = await agent.Client.GetAsync($"/api/patients/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_ReplacesRecord(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var patient = await PatientApi.CreateAsync(agent.Client, mrn: UniqueData.Mrn(), phones: UniqueData.ChinaMobile());
        var newPhone = UniqueData.ChinaMobile();

        var response = await agent.Client.PutAsJsonAsync($"/api/patients/{patient.Id}", new { fullName = "Renamed", phones = new[] { new { number = newPhone } } });
        var reread = await agent.Client.GetFromJsonAsync<PatientResponse>($"/api/patients/{patient.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Renamed", reread!.FullName);
        Assert.Null(reread.Mrn);
        Assert.Equal([newPhone], reread.Phones.Select(p => p.E164));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_WithExistingMrn_Returns409NamingThePatient(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var mrn = UniqueData.Mrn();
        var existing = await PatientApi.CreateAsync(agent.Client, mrn: mrn);

        var response = await agent.Client.PostAsJsonAsync("/api/patients", new { fullName = "Someone Else", mrn });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(existing.Id, body.RootElement.GetProperty("existingPatientId").GetGuid());
        Assert.Equal("mrn", body.RootElement.GetProperty("field").GetString());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_WithPhoneOfAnotherPatient_Returns201WithWarning(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var shared = UniqueData.ChinaMobile();
        var mother = await PatientApi.CreateAsync(agent.Client, "Mother", phones: shared);

        var child = await PatientApi.CreateAsync(agent.Client, "Child", phones: shared);

        Assert.Equal([new DuplicateWarning("phones[0].number", mother.Id)], child.Warnings);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Duplicates_ByPhoneAndMrn_ListsExistingPatients(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var phone = UniqueData.ChinaMobile();
        var mrn = UniqueData.Mrn();
        var byPhone = await PatientApi.CreateAsync(agent.Client, phones: phone);
        var byMrn = await PatientApi.CreateAsync(agent.Client, mrn: mrn);

        var result = await agent.Client.GetFromJsonAsync<DuplicateCheckResponse>(
            $"/api/patients/duplicates?phone={Uri.EscapeDataString("+86 " + phone[3..])}&mrn={mrn}");
        var none = await agent.Client.GetFromJsonAsync<DuplicateCheckResponse>($"/api/patients/duplicates?phone={UniqueData.ChinaMobile()[3..]}");

        Assert.Equal([new DuplicateWarning("mrn", byMrn.Id), new DuplicateWarning("phone", byPhone.Id)], result!.Matches);
        Assert.Empty(none!.Matches);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Search_ByPhoneNameOrMrn_FindsPatient(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var phone = UniqueData.ChinaMobile();
        var marker = UniqueData.Name("srch");
        var patient = await PatientApi.CreateAsync(agent.Client, $"{marker} Zhou", UniqueData.Mrn(), phone);
        var national = phone[3..];

        foreach (var query in new[]
        {
            $"phone={Uri.EscapeDataString($"{national[..3]} {national[3..7]} {national[7..]}")}",
            $"phone={Uri.EscapeDataString($"+86 {national[..3]}-{national[3..7]}-{national[7..]}")}",
            $"phone=0086{national}",
            $"name={marker.ToUpperInvariant()}",
            $"mrn={patient.Mrn}",
        })
        {
            var page = await agent.Client.GetFromJsonAsync<Page<PatientSummary>>($"/api/patients?{query}");
            Assert.Equal([patient.Id], page!.Items.Select(p => p.Id));
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Search_WithBadPhoneOrPage_Returns400NamingTheField(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        Assert.Equal(["phone"], await PatientApi.ErrorFieldsAsync(await agent.Client.GetAsync("/api/patients?phone=12")));
        Assert.Equal(["pageSize"], await PatientApi.ErrorFieldsAsync(await agent.Client.GetAsync("/api/patients?pageSize=1000")));
        Assert.Equal(["page"], await PatientApi.ErrorFieldsAsync(await agent.Client.GetAsync($"/api/patients?page={int.MaxValue}&pageSize=200")));
    }
}
