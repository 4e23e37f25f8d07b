using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Desk.Data;

public sealed class DeskWorkRepository(IDbConnectionFactory db, ISqlDialect dialect) : IDeskWorkRepository
{
    private const string Columns = "offer_id, agent_id, kind, call_sid, conversation_id, queue_name, patient_id, accepted_at, on_hold, ended_at, end_reason";

    private const string InsertSql = """
        INSERT INTO desk_work (offer_id, agent_id, kind, call_sid, conversation_id, queue_name, patient_id, accepted_at, on_hold, ended_at, end_reason)
        VALUES (@OfferId, @AgentId, @Kind, @CallSid, @ConversationId, @QueueName, @PatientId, @AcceptedAt, @OnHold, NULL, NULL)
        """;

    public async Task AddAsync(DeskWork work, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, work, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // The accept was repeated: the work is recorded already.
        }
    }

    private const string ActiveForAgentSql = $"SELECT {Columns} FROM desk_work WHERE agent_id = @AgentId AND ended_at IS NULL ORDER BY accepted_at, offer_id";

    public async Task<IReadOnlyList<DeskWork>> ActiveForAgentAsync(Guid agentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DeskWork>(new CommandDefinition(ActiveForAgentSql, new { AgentId = agentId }, cancellationToken: cancellationToken))).AsList();
    }

    private const string LatestForCallSql = $"SELECT {Columns} FROM desk_work WHERE agent_id = @AgentId AND call_sid = @CallSid ORDER BY accepted_at DESC, offer_id DESC";

    public async Task<DeskWork?> LatestForCallAsync(Guid agentId, string callSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DeskWork>(new CommandDefinition(LatestForCallSql, new { AgentId = agentId, CallSid = callSid }, cancellationToken: cancellationToken)))
            .FirstOrDefault();
    }

    private const string ActiveForCallSql = $"SELECT {Columns} FROM desk_work WHERE call_sid = @CallSid AND ended_at IS NULL ORDER BY accepted_at, offer_id";

    public async Task<IReadOnlyList<DeskWork>> ActiveForCallAsync(string callSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DeskWork>(new CommandDefinition(ActiveForCallSql, new { CallSid = callSid }, cancellationToken: cancellationToken))).AsList();
    }

    private const string LatestEndedCallSql = $"""
        SELECT {Columns} FROM desk_work
        WHERE agent_id = @AgentId AND call_sid IS NOT NULL AND ended_at IS NOT NULL
        ORDER BY ended_at DESC, offer_id DESC
        """;

    public async Task<DeskWork?> LatestEndedCallAsync(Guid agentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DeskWork>(new CommandDefinition(LatestEndedCallSql, new { AgentId = agentId }, cancellationToken: cancellationToken)))
            .FirstOrDefault();
    }

    private const string ActiveForConversationSql = $"SELECT {Columns} FROM desk_work WHERE conversation_id = @ConversationId AND ended_at IS NULL";

    public async Task<DeskWork?> ActiveForConversationAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DeskWork>(new CommandDefinition(ActiveForConversationSql, new { ConversationId = conversationId }, cancellationToken: cancellationToken)))
            .FirstOrDefault();
    }

    private const string SetHoldSql = "UPDATE desk_work SET on_hold = @OnHold WHERE offer_id = @OfferId AND ended_at IS NULL";

    public async Task<bool> SetHoldAsync(Guid offerId, bool onHold, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(SetHoldSql, new { OfferId = offerId, OnHold = onHold }, cancellationToken: cancellationToken)) == 1;
    }

    private const string SetPatientSql = "UPDATE desk_work SET patient_id = @PatientId WHERE offer_id = @OfferId";

    public async Task<bool> SetPatientAsync(Guid offerId, Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(SetPatientSql, new { OfferId = offerId, PatientId = patientId }, cancellationToken: cancellationToken)) == 1;
    }

    private const string EndSql = "UPDATE desk_work SET ended_at = @At, end_reason = @Reason WHERE offer_id = @OfferId AND ended_at IS NULL";

    public async Task<bool> EndAsync(Guid offerId, string reason, DateTime at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(EndSql, new { OfferId = offerId, Reason = reason, At = at }, cancellationToken: cancellationToken)) == 1;
    }
}
