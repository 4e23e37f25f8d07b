using CallCenter.Core.Common;
using CallCenter.Core.Interactions;
using CallCenter.Core.Patients;
using CallCenter.Core.Tests.Patients;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Interactions;

public sealed class InteractionRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Timeline_IsNewestFirstAndPaged(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var patient = TestPatients.New(_time);
        var other = TestPatients.New(_time);
        await services.GetRequiredService<IPatientRepository>().CreateAsync(patient);
        await services.GetRequiredService<IPatientRepository>().CreateAsync(other);
        var interactions = services.GetRequiredService<IInteractionRepository>();
        var start = _time.GetUtcNow().UtcDateTime;

        // Added out of time order: the timeline sorts by when it happened, not when it was recorded.
        await interactions.AddAsync(Entry(patient.Id, InteractionKinds.Sms, InteractionDirections.Outbound, start.AddMinutes(10)));
        await interactions.AddAsync(Entry(patient.Id, InteractionKinds.Call, InteractionDirections.Inbound, start));
        await interactions.AddAsync(Entry(patient.Id, InteractionKinds.Note, InteractionDirections.Internal, start.AddMinutes(20)));
        await interactions.AddAsync(Entry(other.Id, InteractionKinds.Email, InteractionDirections.Outbound, start.AddMinutes(30)));

        var first = await interactions.TimelineAsync(patient.Id, new PageRequest(1, 2));
        var second = await interactions.TimelineAsync(patient.Id, new PageRequest(2, 2));

        Assert.Equal([InteractionKinds.Note, InteractionKinds.Sms], first.Items.Select(i => i.Kind));
        Assert.True(first.HasMore);
        Assert.Equal([InteractionKinds.Call], second.Items.Select(i => i.Kind));
        Assert.False(second.HasMore);
        Assert.Equal(start, second.Items[0].OccurredAt);
        Assert.Equal("CA123", second.Items[0].ExternalId);
        Assert.Equal(InteractionDirections.Inbound, second.Items[0].Direction);
    }

    private Interaction Entry(Guid patientId, string kind, string direction, DateTime at) => new()
    {
        Id = Ids.New(_time),
        PatientId = patientId,
        Kind = kind,
        Direction = direction,
        OccurredAt = at,
        Summary = $"{kind} summary",
        ExternalId = "CA123",
    };
}
