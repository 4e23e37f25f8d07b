using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Audit;

public sealed class AuditLogTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Query_WithoutFilters_ReturnsNewestFirst(string engine)
    {
        var db = await fixture.GetAsync(engine);
        await using var services = db.CreateServices(_time);
        var audit = services.GetRequiredService<IAuditLog>();
        var actor = new Actor(Guid.NewGuid(), UniqueData.Name(), Roles.Agent);
        await audit.WriteAsync(actor, "test.first", null, AuditOutcomes.Success);
        _time.Advance(TimeSpan.FromSeconds(1));
        await audit.WriteAsync(actor, "test.second", null, AuditOutcomes.Denied);

        var page = await audit.QueryAsync(new AuditQuery(), new PageRequest(1, 2));

        Assert.Equal(["test.second", "test.first"], page.Items.Select(e => e.Operation));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Query_ByUserPatientAndTime_ReturnsOnlyMatchingRows(string engine)
    {
        var db = await fixture.GetAsync(engine);
        await using var services = db.CreateServices(_time);
        var audit = services.GetRequiredService<IAuditLog>();
        var actor = new Actor(Guid.NewGuid(), UniqueData.Name(), Roles.Agent);
        var patientId = Guid.NewGuid();
        var start = _time.GetUtcNow().UtcDateTime;
        await audit.WriteAsync(actor, "patient.read", patientId, AuditOutcomes.Success, "detail");
        _time.Advance(TimeSpan.FromMinutes(5));
        await audit.WriteAsync(actor, "patient.update", patientId, AuditOutcomes.Success);
        await audit.WriteAsync(actor, "patient.read", Guid.NewGuid(), AuditOutcomes.Denied);

        var byPatient = await audit.QueryAsync(new AuditQuery(PatientId: patientId), new PageRequest());
        var byUserEarly = await audit.QueryAsync(new AuditQuery(UserId: actor.UserId, From: start, To: start.AddMinutes(1)), new PageRequest());

        Assert.Equal(["patient.update", "patient.read"], byPatient.Items.Select(e => e.Operation));
        var early = Assert.Single(byUserEarly.Items);
        Assert.Equal(patientId, early.PatientId);
        Assert.Equal(start, early.OccurredAt);
        Assert.Equal(actor.UserName, early.UserName);
        Assert.Equal("detail", early.Detail);
    }
}
