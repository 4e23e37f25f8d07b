using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Patients;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Patients;

/// <summary>Small helpers the patient API tests share.</summary>
internal static class PatientApi
{
    public static async Task<PatientResponse> CreateAsync(HttpClient client, string? name = null, string? mrn = null, params string[] phones)
    {
        var response = await client.PostAsJsonAsync("/api/patients", new
        {
            fullName = name ?? UniqueData.Name("patient"),
            mrn,
            phones = phones.Select(number => new { number }).ToArray(),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PatientResponse>())!;
    }

    /// <summary>The field names of a 400 ValidationProblem.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }

    public static async Task<IReadOnlyList<AuditEntry>> AuditAsync(IServiceProvider services, Guid patientId)
    {
        // From and To are given because AuditLog's "@From IS NULL" cannot be typed by PostgreSQL when null.
        var query = new AuditQuery(patientId, From: new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), To: new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var page = await services.GetRequiredService<IAuditLog>().QueryAsync(query, new PageRequest(1, 200));
        return page.Items;
    }
}
