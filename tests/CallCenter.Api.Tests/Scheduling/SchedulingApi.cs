using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Data;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Scheduling;

/// <summary>Test rows for the scheduling API: schedule through the API as a supervisor, patients straight into the table.</summary>
internal static class SchedulingApi
{
    // Patients belong to another feature; tests insert the few required columns directly.
    private const string InsertPatientSql = """
        INSERT INTO patient (id, full_name, search_name, gender, date_of_birth, email, preferred_language, time_zone, mrn, notes, assigned_user_id, created_at, updated_at)
        VALUES (@Id, @Name, @Name, 'unknown', NULL, NULL, 'zh', 'Asia/Shanghai', NULL, NULL, @AssignedUserId, @Now, @Now)
        """;

    public static async Task<Guid> AddPatientAsync(ApiFactory hub, Guid? assignedUserId = null)
    {
        var id = Guid.NewGuid();
        await using var connection = await hub.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync(InsertPatientSql, new { Id = id, Name = UniqueData.Name("patient"), AssignedUserId = assignedUserId, Now = hub.Time.GetUtcNow().UtcDateTime });
        return id;
    }

    private const string AuditSql = "SELECT operation, outcome, user_id FROM audit_entry WHERE patient_id = @PatientId";

    public static async Task<IReadOnlyList<AuditRow>> AuditForPatientAsync(ApiFactory hub, Guid patientId)
    {
        await using var connection = await hub.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return (await connection.QueryAsync<AuditRow>(AuditSql, new { PatientId = patientId })).AsList();
    }

    public static async Task<Guid> AddDoctorAsync(HttpClient supervisor)
    {
        var department = await ReadAsync<IdOnly>(await supervisor.PostAsJsonAsync(
            "/api/departments", new { code = UniqueData.Name("D"), name = "心内科", nameEn = "Cardiology" }));
        var doctor = await ReadAsync<IdOnly>(await supervisor.PostAsJsonAsync(
            "/api/doctors", new { departmentId = department.Id, name = "Dr " + UniqueData.Name(), title = "Chief physician" }));
        return doctor.Id;
    }

    /// <summary>A new doctor's slot on 7 December 2026 09:00 UTC (the hub's clock is in November).</summary>
    public static async Task<Guid> AddSlotAsync(HttpClient supervisor, int capacity)
    {
        var doctorId = await AddDoctorAsync(supervisor);
        var slot = await ReadAsync<IdOnly>(await supervisor.PostAsJsonAsync(
            "/api/slots", new { doctorId, startsAt = "2026-12-07T09:00:00Z", endsAt = "2026-12-07T09:30:00Z", capacity }));
        return slot.Id;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    /// <summary>The field names of a 400 ValidationProblem.</summary>
    public static async Task<IReadOnlyList<string>> FieldErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    internal sealed record IdOnly(Guid Id);

    internal sealed record AuditRow
    {
        public string Operation { get; init; } = "";
        public string Outcome { get; init; } = "";
        public Guid? UserId { get; init; }
    }
}
