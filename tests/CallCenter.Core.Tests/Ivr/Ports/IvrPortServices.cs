using CallCenter.Core;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Data;
using CallCenter.Core.Ivr.Ports;
using CallCenter.Core.Messaging;
using CallCenter.Core.Patients;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Ivr.Ports;

/// <summary>The Core and the IVR ports on a test database, with a fake clock: what port tests resolve their subjects from.</summary>
internal static class IvrPortServices
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    public static ServiceProvider Create(TestDatabase database, FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddCallCenterCore();
        services.AddIvrPorts();
        // The host's carrier is Twilio's REST API; sends that reach it are the host's TwilioSmsChannelTests.
        services.AddSingleton<ISmsCarrier, RefusingSmsCarrier>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static async Task<Patient> AddPatientAsync(
        IServiceProvider services, string? phone = null, string? mrn = null, DateOnly? birthDate = null, string fullName = "王小明", string[]? tags = null)
    {
        var now = Now.UtcDateTime;
        var patient = new Patient
        {
            Id = Guid.CreateVersion7(),
            FullName = fullName,
            Gender = Genders.Unknown,
            DateOfBirth = birthDate,
            PreferredLanguage = "zh-CN",
            TimeZone = "Asia/Shanghai",
            Mrn = mrn,
            CreatedAt = now,
            UpdatedAt = now,
            Phones = phone is null ? [] : [new PatientPhone { E164 = phone, Kind = PhoneKinds.Mobile, IsPrimary = true }],
            Tags = tags ?? [],
        };
        Assert.Equal(PatientSaveResult.Saved, await services.GetRequiredService<IPatientRepository>().CreateAsync(patient));
        return patient;
    }

    // Read directly: IAuditLog.QueryAsync sends untyped nulls for its other filters, which PostgreSQL refuses.
    private const string AuditSql = """
        SELECT id, occurred_at, user_id, user_name, operation, patient_id, outcome, detail FROM audit_entry
        WHERE user_name = @UserName AND (patient_id = @PatientId OR detail = @Detail) ORDER BY occurred_at, id
        """;

    /// <summary>The IVR's audit rows about a patient (or, for lookups that found no one, with exactly this detail).</summary>
    public static async Task<IReadOnlyList<AuditEntry>> IvrAuditAsync(IServiceProvider services, Guid patientId, string detail = "-")
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        var rows = await connection.QueryAsync<AuditEntry>(AuditSql, new { UserName = Actor.Ivr.UserName, PatientId = patientId, Detail = detail });
        return rows.AsList();
    }

    private const string InsertQueueSql = """
        INSERT INTO call_queue (name, display_name, required_skills, created_at) VALUES (@Name, @Name, NULL, @CreatedAt)
        """;

    /// <summary>A queue of the test's own: positions count every waiting call, and tests share a database.</summary>
    public static async Task<string> AddQueueAsync(IServiceProvider services)
    {
        var name = UniqueData.Name("queue");
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync(InsertQueueSql, new { Name = name, CreatedAt = Now.UtcDateTime });
        return name;
    }
}
