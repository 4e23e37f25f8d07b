using System.Net;
using System.Net.Http.Json;
using System.Text;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Patients;

/// <summary>Bad input answers 400 naming the field, on create and on replace, never 500.</summary>
public sealed class PatientValidationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("""{"gender": "female"}""", "fullName")]
    [InlineData("""{"fullName": "A", "phones": [{"number": "abc"}]}""", "phones[0].number")]
    [InlineData("""{"fullName": "A", "phones": [{"number": "13812345678", "isPrimary": true}, {"number": "13912345678", "isPrimary": true}]}""", "phones[1].isPrimary")]
    [InlineData("""{"fullName": "A", "email": "nobody@"}""", "email")]
    [InlineData("""{"fullName": "A", "timeZone": "Mars/Olympus"}""", "timeZone")]
    [InlineData("""{"fullName": "A", "preferredLanguage": "xx-NOTREAL"}""", "preferredLanguage")]
    [InlineData("""{"fullName": "A", "gender": "alien"}""", "gender")]
    [InlineData("""{"fullName": "A", "dateOfBirth": "2030-01-01"}""", "dateOfBirth")]
    [InlineData("""{"fullName": "A", "dateOfBirth": "yesterday"}""", "dateOfBirth")]
    [InlineData("""{"fullName": "A", "phones": [{"number": "13812345678", "kind": "fax"}]}""", "phones[0].kind")]
    public async Task CreateAndUpdate_WithBadField_Return400NamingIt(string body, string field)
    {
        var hub = await fixture.GetAsync(TestEngines.Sqlite);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var existing = await PatientApi.CreateAsync(agent.Client);

        var created = await agent.Client.PostAsync("/api/patients", Json(body));
        var updated = await agent.Client.PutAsync($"/api/patients/{existing.Id}", Json(body));

        Assert.Contains(field, await PatientApi.ErrorFieldsAsync(created));
        Assert.Contains(field, await PatientApi.ErrorFieldsAsync(updated));
    }

    [Fact]
    public async Task Create_WithTooLongNotes_Returns400NamingNotes()
    {
        var hub = await fixture.GetAsync(TestEngines.Sqlite);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var response = await agent.Client.PostAsJsonAsync("/api/patients", new { fullName = "A", notes = new string('n', 4001) });

        Assert.Equal(["notes"], await PatientApi.ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task Create_WithManyErrors_NamesEveryField()
    {
        var hub = await fixture.GetAsync(TestEngines.Sqlite);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var response = await agent.Client.PostAsync("/api/patients", Json("""{"fullName": "", "email": "x", "timeZone": "Nowhere/Town"}"""));

        Assert.Equal(["email", "fullName", "timeZone"], (await PatientApi.ErrorFieldsAsync(response)).Order(StringComparer.Ordinal));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
