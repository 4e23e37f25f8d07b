using System.Text.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Patients;

public sealed class PatientOpenApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task OpenApi_DescribesEveryPatientRouteWithASummary()
    {
        var hub = await fixture.GetAsync(TestEngines.Sqlite);

        using var document = JsonDocument.Parse(await hub.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/patients", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Route: $"{op.Name} {path.Name}", Operation: op.Value)))
            .ToList();

        string[] expected =
            [
                "get /api/patients", "get /api/patients/{id}", "get /api/patients/{id}/consents", "get /api/patients/{id}/timeline",
                "get /api/patients/duplicates", "post /api/patients", "post /api/patients/{id}/consents", "post /api/patients/{id}/notes",
                "put /api/patients/{id}", "put /api/patients/{id}/assignment", "get /api/patients/{patientId}/appointments",
                "get /api/patients/{patientId}/no-shows",
            ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), operations.Select(o => o.Route).Order(StringComparer.Ordinal));
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("summary").GetString()), o.Route));
    }
}
