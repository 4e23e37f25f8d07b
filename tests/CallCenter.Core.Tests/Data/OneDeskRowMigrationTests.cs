using CallCenter.Core.Data;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Core.Tests.Data;

/// <summary>
/// Migration 0012 on the data of the schema before it: each desk_call row moves into the desk_work row of its offer
/// (a callback's work onto the call placed to the patient), a voice row without work becomes work, and desk_call goes.
/// </summary>
public sealed class OneDeskRowMigrationTests
{
    private const string Before = "0011_desk_work_without_on_hold.sql";
    private static readonly DateTime T0 = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private const string InsertUserSql = """
        INSERT INTO app_user (id, user_name, display_name, role, password_hash, failed_login_count, lockout_end_at, is_disabled, created_at, last_login_at)
        VALUES (@Id, @UserName, 'Agent', 'agent', 'x', 0, NULL, @No, @At, NULL)
        """;

    private const string InsertWorkSql = """
        INSERT INTO desk_work (offer_id, agent_id, kind, call_sid, conversation_id, queue_name, patient_id, accepted_at, ended_at, end_reason)
        VALUES (@OfferId, @AgentId, @Kind, @CallSid, @ConversationId, 'general', NULL, @At, @EndedAt, @EndReason)
        """;

    private const string InsertVoiceSql = """
        INSERT INTO desk_call (call_sid, offer_id, agent_id, queue_name, status, leg, transfer_to, connected_at, ended_at, end_reason, created_at, version)
        VALUES (@CallSid, @OfferId, @AgentId, 'general', @Status, @Leg, NULL, @ConnectedAt, @EndedAt, @EndReason, @At, @Version)
        """;

    private const string ReadSql = """
        SELECT offer_id, kind, call_sid, call_status, leg, connected_at, call_started_at, accepted_at, ended_at, end_reason, version
        FROM desk_work ORDER BY accepted_at, call_sid
        """;

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Migrate_DeskCallRows_FoldIntoTheirWorkAndTheTableGoes(string engine)
    {
        DapperConventions.Apply();
        await using var database = await TestDatabase.CreateThroughAsync(engine, Before);
        var databaseEngine = DatabaseEngine.Create(database.Options);
        var agent = Guid.CreateVersion7();
        var (held, callback, conversation, orphan) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await using (var connection = await databaseEngine.OpenAsync())
        {
            await connection.ExecuteAsync(InsertUserSql, new { Id = agent, UserName = "agent-" + agent.ToString("N"), No = false, At = T0 });

            // A call on hold (second Dial), a callback over (the placed call's SID differs from the offer's), a conversation.
            await connection.ExecuteAsync(InsertWorkSql, new { OfferId = held, AgentId = agent, Kind = "call", CallSid = "CA-held", ConversationId = (Guid?)null, At = T0, EndedAt = (DateTime?)null, EndReason = (string?)null });
            await connection.ExecuteAsync(InsertVoiceSql, new { CallSid = "CA-held", OfferId = held, AgentId = agent, Status = "on-hold", Leg = 2, ConnectedAt = (DateTime?)T0.AddSeconds(5), EndedAt = (DateTime?)null, EndReason = (string?)null, At = T0, Version = 3 });
            await connection.ExecuteAsync(InsertWorkSql, new { OfferId = callback, AgentId = agent, Kind = "callback", CallSid = "CA-requested", ConversationId = (Guid?)null, At = T0.AddMinutes(1), EndedAt = (DateTime?)T0.AddMinutes(9), EndReason = (string?)"failed" });
            await connection.ExecuteAsync(InsertVoiceSql, new { CallSid = "CA-placed", OfferId = callback, AgentId = agent, Status = "ended", Leg = 1, ConnectedAt = (DateTime?)null, EndedAt = (DateTime?)T0.AddMinutes(8), EndReason = (string?)"requeued", At = T0.AddMinutes(1), Version = 2 });
            await connection.ExecuteAsync(InsertWorkSql, new { OfferId = conversation, AgentId = agent, Kind = "conversation", CallSid = (string?)null, ConversationId = (Guid?)Guid.CreateVersion7(), At = T0.AddMinutes(2), EndedAt = (DateTime?)null, EndReason = (string?)null });
            await connection.ExecuteAsync(InsertVoiceSql, new { CallSid = "CA-orphan", OfferId = orphan, AgentId = agent, Status = "connected", Leg = 1, ConnectedAt = (DateTime?)T0.AddMinutes(3), EndedAt = (DateTime?)null, EndReason = (string?)null, At = T0.AddMinutes(3), Version = 1 });
        }

        new SchemaMigrator(databaseEngine, NullLogger<SchemaMigrator>.Instance).Migrate();

        await using var migrated = await databaseEngine.OpenAsync();
        var rows = (await migrated.QueryAsync<Row>(ReadSql)).ToDictionary(r => r.OfferId);
        Assert.Equal(4, rows.Count);
        Assert.Equal(
            new Row { OfferId = held, Kind = "call", CallSid = "CA-held", CallStatus = "on-hold", Leg = 2, ConnectedAt = T0.AddSeconds(5), CallStartedAt = T0, AcceptedAt = T0, Version = 3 },
            rows[held]);
        Assert.Equal(
            new Row { OfferId = callback, Kind = "callback", CallSid = "CA-placed", CallStatus = "ended", Leg = 1, CallStartedAt = T0.AddMinutes(1), AcceptedAt = T0.AddMinutes(1), EndedAt = T0.AddMinutes(9), EndReason = "requeued", Version = 2 },
            rows[callback]);
        Assert.Equal(new Row { OfferId = conversation, Kind = "conversation", AcceptedAt = T0.AddMinutes(2), Version = 0 }, rows[conversation]);
        Assert.Equal(
            new Row { OfferId = orphan, Kind = "call", CallSid = "CA-orphan", CallStatus = "connected", Leg = 1, ConnectedAt = T0.AddMinutes(3), CallStartedAt = T0.AddMinutes(3), AcceptedAt = T0.AddMinutes(3), Version = 1 },
            rows[orphan]);
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => migrated.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM desk_call"));
    }

    private sealed record Row
    {
        public Guid OfferId { get; init; }
        public string Kind { get; init; } = string.Empty;
        public string? CallSid { get; init; }
        public string? CallStatus { get; init; }
        public int? Leg { get; init; }
        public DateTime? ConnectedAt { get; init; }
        public DateTime? CallStartedAt { get; init; }
        public DateTime AcceptedAt { get; init; }
        public DateTime? EndedAt { get; init; }
        public string? EndReason { get; init; }
        public int Version { get; init; }
    }
}
