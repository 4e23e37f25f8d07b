using CallCenter.Core.Cases;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Data.Encryption;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Interactions;
using CallCenter.Core.Messaging;
using CallCenter.Core.Patients;
using CallCenter.Core.Tests.Patients;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Data.Encryption;

/// <summary>
/// The sensitive columns hold ciphertext on disk (read raw with SQL) and plain text through the repositories; rows
/// from before encryption stay readable; a rotation keeps old rows readable and the re-encryption pass moves them on.
/// </summary>
public sealed class FieldEncryptionTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string SecondKey = "c2Vjb25kLWZpZWxkLWVuY3J5cHRpb24ta2V5LTMyYnk=";

    private static readonly Dictionary<string, string?> Rotated = new()
    {
        ["Encryption:Keys:k2"] = SecondKey,
        ["Encryption:ActiveKeyId"] = "k2",
    };

    // The old key removed: only the new one is left.
    private static readonly Dictionary<string, string?> OnlyNewKey = new(Rotated) { [$"Encryption:Keys:{TestDatabase.TestKeyId}"] = string.Empty };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task PatientNotes_AreCiphertextOnDiskAndPlainThroughTheRepository(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var patients = services.GetRequiredService<IPatientRepository>();
        var patient = TestPatients.New(_time, mrn: UniqueData.Mrn()) with { Notes = "对青霉素过敏 allergic to penicillin" };
        Assert.Equal(PatientSaveResult.Saved, await patients.CreateAsync(patient));

        var raw = await RawAsync(services, "SELECT notes FROM patient WHERE id = @Id", patient.Id);
        AssertCiphertext(raw, TestDatabase.TestKeyId, "penicillin", "青霉素");
        Assert.Equal(patient.Notes, (await patients.FindAsync(patient.Id))!.Notes);

        Assert.Equal(PatientSaveResult.Saved, await patients.UpdateAsync(patient with { Notes = "no known allergies" }));
        AssertCiphertext(await RawAsync(services, "SELECT notes FROM patient WHERE id = @Id", patient.Id), TestDatabase.TestKeyId, "allergies");
        Assert.Equal("no known allergies", (await patients.FindAsync(patient.Id))!.Notes);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SmsBody_IsCiphertextOnDiskAndPlainThroughTheRepository(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var messages = services.GetRequiredService<IMessageRepository>();
        var body = new string('药', 1600); // the longest body the hub stores, in 3-byte characters
        var message = NewMessage(body);
        Assert.True(await messages.TryInsertAsync(message));

        AssertCiphertext(await RawAsync(services, "SELECT body FROM message WHERE id = @Id", message.Id), TestDatabase.TestKeyId, "药药药");
        Assert.Equal(body, (await messages.FindBySidAsync(message.MessageSid))!.Body);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task WrapUpNotesAndTheirTimelineEntry_AreCiphertextOnDiskAndPlainThroughTheRepositories(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var patient = TestPatients.New(_time, mrn: UniqueData.Mrn());
        Assert.Equal(PatientSaveResult.Saved, await services.GetRequiredService<IPatientRepository>().CreateAsync(patient));
        var agent = await InsertAgentAsync(services);
        var wrapUps = new WrapUpRepository(services.GetRequiredService<IDbConnectionFactory>(), services.GetRequiredService<ISqlDialect>(), services.GetRequiredService<IFieldCipher>());
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        var timeline = new Interaction
        {
            Id = Ids.New(_time), PatientId = patient.Id, Kind = InteractionKinds.Call, Direction = InteractionDirections.Inbound,
            OccurredAt = _time.GetUtcNow().UtcDateTime, Summary = "resolved: caller's daughter asked about the biopsy", UserId = agent, ExternalId = callSid,
        };
        var wrapUp = new CallWrapUp
        {
            Id = Ids.New(_time), CallSid = callSid, AgentId = agent, OfferId = Guid.NewGuid(), PatientId = patient.Id,
            Disposition = "resolved", Notes = "caller's daughter asked about the biopsy", InteractionId = timeline.Id, CreatedAt = _time.GetUtcNow().UtcDateTime,
        };
        Assert.True(await wrapUps.TryAddAsync(wrapUp, timeline));

        AssertCiphertext(await RawAsync(services, "SELECT notes FROM call_wrap_up WHERE id = @Id", wrapUp.Id), TestDatabase.TestKeyId, "biopsy");
        AssertCiphertext(await RawAsync(services, "SELECT summary FROM interaction WHERE id = @Id", timeline.Id), TestDatabase.TestKeyId, "biopsy");
        Assert.Equal(wrapUp.Notes, (await wrapUps.FindAsync(callSid, agent))!.Notes);
        var entries = await services.GetRequiredService<IInteractionRepository>().TimelineAsync(patient.Id, new PageRequest(1, 10));
        Assert.Equal(timeline.Summary, Assert.Single(entries.Items).Summary);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ComplaintTextAndHistory_AreCiphertextOnDiskAndPlainThroughTheRepository(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var cases = services.GetRequiredService<ICaseRepository>();
        var (complaint, opened) = NewCase("The nurse on ward 5 was rude to my mother");
        Assert.True(await cases.TryAddAsync(complaint, opened, []));

        AssertCiphertext(await RawAsync(services, "SELECT description FROM complaint_case WHERE id = @Id", complaint.Id), TestDatabase.TestKeyId, "ward 5");
        AssertCiphertext(await RawAsync(services, "SELECT body FROM complaint_case_note WHERE id = @Id", opened.Id), TestDatabase.TestKeyId, "ward 5");
        Assert.Equal(complaint.Description, (await cases.FindAsync(complaint.Id))!.Description);
        Assert.Equal(opened.Body, Assert.Single(await cases.NotesAsync(complaint.Id)).Body);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RowsWrittenBeforeEncryption_ReadAsTheyAre_AndTheReencryptionPassEncryptsThem(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var services = database.CreateServices(_time);
        var patients = services.GetRequiredService<IPatientRepository>();
        var patient = TestPatients.New(_time, mrn: UniqueData.Mrn());
        Assert.Equal(PatientSaveResult.Saved, await patients.CreateAsync(patient));
        var message = NewMessage("legacy text about a rash");
        Assert.True(await services.GetRequiredService<IMessageRepository>().TryInsertAsync(message));
        await using (var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync())
        {
            // What a hub before encryption wrote.
            await connection.ExecuteAsync("UPDATE patient SET notes = @Notes WHERE id = @Id", new { Notes = "legacy note: diabetic", patient.Id });
            await connection.ExecuteAsync("UPDATE message SET body = @Body WHERE id = @Id", new { Body = "legacy text about a rash", message.Id });
        }

        Assert.Equal("legacy note: diabetic", (await patients.FindAsync(patient.Id))!.Notes);

        var result = await services.GetRequiredService<FieldReencryptor>().RunAsync();

        Assert.Equal(1, result.Rewritten["patient.notes"]);
        Assert.Equal(1, result.Rewritten["message.body"]);
        Assert.Equal(2, result.Total);
        AssertCiphertext(await RawAsync(services, "SELECT notes FROM patient WHERE id = @Id", patient.Id), TestDatabase.TestKeyId, "diabetic");
        AssertCiphertext(await RawAsync(services, "SELECT body FROM message WHERE id = @Id", message.Id), TestDatabase.TestKeyId, "rash");
        Assert.Equal("legacy note: diabetic", (await patients.FindAsync(patient.Id))!.Notes);
        Assert.Equal("legacy text about a rash", (await services.GetRequiredService<IMessageRepository>().FindBySidAsync(message.MessageSid))!.Body);
        Assert.Equal(0, (await services.GetRequiredService<FieldReencryptor>().RunAsync()).Total);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Rotation_OldRowsStayReadable_NewRowsUseTheNewKey_AndTheReencryptionPassRetiresTheOldKey(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var old = TestPatients.New(_time, mrn: UniqueData.Mrn()) with { Notes = "written under the old key" };
        var (oldCase, oldOpened) = NewCase("complaint under the old key");
        await using (var before = database.CreateServices(_time))
        {
            Assert.Equal(PatientSaveResult.Saved, await before.GetRequiredService<IPatientRepository>().CreateAsync(old));
            Assert.True(await before.GetRequiredService<ICaseRepository>().TryAddAsync(oldCase, oldOpened, []));
        }

        var fresh = TestPatients.New(_time, mrn: UniqueData.Mrn()) with { Notes = "written under the new key" };
        await using (var rotated = database.CreateServices(_time, Rotated))
        {
            var patients = rotated.GetRequiredService<IPatientRepository>();
            Assert.Equal(PatientSaveResult.Saved, await patients.CreateAsync(fresh));
            AssertCiphertext(await RawAsync(rotated, "SELECT notes FROM patient WHERE id = @Id", old.Id), TestDatabase.TestKeyId, "old key");
            AssertCiphertext(await RawAsync(rotated, "SELECT notes FROM patient WHERE id = @Id", fresh.Id), "k2", "new key");
            Assert.Equal(old.Notes, (await patients.FindAsync(old.Id))!.Notes);
            Assert.Equal(fresh.Notes, (await patients.FindAsync(fresh.Id))!.Notes);

            var result = await rotated.GetRequiredService<FieldReencryptor>().RunAsync();

            Assert.Equal("k2", result.ActiveKeyId);
            Assert.Equal(1, result.Rewritten["patient.notes"]);
            Assert.Equal(1, result.Rewritten["complaint_case.description"]);
            Assert.Equal(1, result.Rewritten["complaint_case_note.body"]);
            AssertCiphertext(await RawAsync(rotated, "SELECT notes FROM patient WHERE id = @Id", old.Id), "k2", "old key");
        }

        await using var retired = database.CreateServices(_time, OnlyNewKey);
        Assert.Equal(old.Notes, (await retired.GetRequiredService<IPatientRepository>().FindAsync(old.Id))!.Notes);
        Assert.Equal(fresh.Notes, (await retired.GetRequiredService<IPatientRepository>().FindAsync(fresh.Id))!.Notes);
        Assert.Equal(oldCase.Description, (await retired.GetRequiredService<ICaseRepository>().FindAsync(oldCase.Id))!.Description);
        Assert.Equal(oldOpened.Body, Assert.Single(await retired.GetRequiredService<ICaseRepository>().NotesAsync(oldCase.Id)).Body);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ARowUnderARemovedKey_FailsLoudlyNamingTheKey_RatherThanReadingAsText(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var patient = TestPatients.New(_time, mrn: UniqueData.Mrn()) with { Notes = "under the first key" };
        await using (var before = database.CreateServices(_time))
        {
            Assert.Equal(PatientSaveResult.Saved, await before.GetRequiredService<IPatientRepository>().CreateAsync(patient));
        }

        await using var retired = database.CreateServices(_time, OnlyNewKey);
        var error = await Assert.ThrowsAsync<System.Security.Cryptography.CryptographicException>(
            () => retired.GetRequiredService<IPatientRepository>().FindAsync(patient.Id));
        Assert.Contains($"Encryption:Keys:{TestDatabase.TestKeyId}", error.Message, StringComparison.Ordinal);
    }

    private static void AssertCiphertext(string? raw, string keyId, params string[] plainParts)
    {
        Assert.NotNull(raw);
        Assert.StartsWith(FieldCipherFormat.PrefixFor(keyId), raw, StringComparison.Ordinal);
        foreach (var part in plainParts)
        {
            Assert.DoesNotContain(part, raw, StringComparison.Ordinal);
        }
    }

    private static async Task<string?> RawAsync(ServiceProvider services, string sql, Guid id)
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<string?>(sql, new { Id = id });
    }

    private static async Task<Guid> InsertAgentAsync(ServiceProvider services)
    {
        var agent = Guid.NewGuid();
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO app_user (id, user_name, display_name, role, password_hash, failed_login_count, is_disabled, created_at) VALUES (@Id, @Name, @Name, 'agent', 'x', 0, @Disabled, @At)",
            new { Id = agent, Name = UniqueData.Name("agent"), Disabled = false, At = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) });
        return agent;
    }

    private Message NewMessage(string body)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return new Message
        {
            Id = Ids.New(_time), MessageSid = "SM" + Guid.NewGuid().ToString("N"), AccountSid = "AC" + new string('0', 32), Direction = "inbound",
            FromNumber = UniqueData.ChinaMobile(), ToNumber = "+8610000000", Body = body, Status = "received", StatusRank = 1, CreatedAt = now, UpdatedAt = now,
        };
    }

    private (ComplaintCase Complaint, CaseNote Opened) NewCase(string description)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var complaint = new ComplaintCase
        {
            Id = Ids.New(_time), Category = "service", Severity = "medium", Description = description, Status = CaseStatuses.Open, Source = CaseSources.Api,
            FirstResponseDueAt = now.AddHours(4), ResolutionDueAt = now.AddDays(3), CreatedBy = Guid.NewGuid(), CreatedAt = now, UpdatedAt = now,
        };
        var opened = new CaseNote { Id = Ids.New(_time), CaseId = complaint.Id, Kind = CaseNoteKinds.Opened, Body = description, AuthorId = complaint.CreatedBy, AuthorName = "tester", CreatedAt = now };
        return (complaint, opened);
    }
}
