using System.Data.Common;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Tests.Audit;

/// <summary>The database itself refuses to change or remove an audit entry (migration 0027), on every engine.</summary>
public sealed class AuditAppendOnlyTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AuditEntry_UpdateOrDelete_IsRefusedByTheDatabaseAndTheEntryStays(string engine)
    {
        var db = await fixture.GetAsync(engine);
        await using var services = db.CreateServices();
        var audit = services.GetRequiredService<IAuditLog>();
        var actor = new Actor(Guid.NewGuid(), UniqueData.Name(), Roles.Agent);
        var patientId = Guid.NewGuid();
        await audit.WriteAsync(actor, "patient.read", patientId, AuditOutcomes.Success, "as written");

        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            "UPDATE audit_entry SET detail = 'rewritten', outcome = 'denied' WHERE patient_id = @PatientId", new { PatientId = patientId }));
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            "DELETE FROM audit_entry WHERE patient_id = @PatientId", new { PatientId = patientId }));

        var entry = Assert.Single((await audit.QueryAsync(new AuditQuery(PatientId: patientId), new PageRequest())).Items);
        Assert.Equal("as written", entry.Detail);
        Assert.Equal(AuditOutcomes.Success, entry.Outcome);
    }
}
