using System.Data.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Wallboard;
using Dapper;

namespace CallCenter.Core.Desk.Data;

/// <summary>
/// The one record of an agent's part of a call or conversation, <c>desk_work</c>: the desk's reads and changes here,
/// the voice path's (<see cref="Voice.IDeskCallRepository"/>) in <c>DeskWorkRepository.Voice.cs</c>. Whether a call
/// is on hold is the voice path's <c>call_status</c> on this same row, so the desk never reads a copy that could lag.
/// </summary>
public sealed partial class DeskWorkRepository(IDbConnectionFactory db, ISqlDialect dialect, IQueueEventLog events, IWallboardSignal wallboard)
    : IDeskWorkRepository
{
    private const string Columns = """
        w.offer_id, w.agent_id, w.kind, w.call_sid, w.conversation_id, w.queue_name, w.patient_id, w.accepted_at,
        w.ended_at, w.end_reason, w.call_status
        """;

    private const string From = "desk_work w";

    // The voice path starts later (call_status stays null until it does; a conversation never has one).
    private const string InsertSql = """
        INSERT INTO desk_work (offer_id, agent_id, kind, call_sid, conversation_id, queue_name, patient_id, accepted_at, ended_at, end_reason, call_status, version)
        VALUES (@OfferId, @AgentId, @Kind, @CallSid, @ConversationId, @QueueName, @PatientId, @AcceptedAt, NULL, NULL, NULL, 0)
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

    private const string ForOfferSql = $"SELECT {Columns} FROM {From} WHERE w.offer_id = @OfferId";

    public async Task<DeskWork?> ForOfferAsync(Guid offerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DeskWork>(new CommandDefinition(ForOfferSql, new { OfferId = offerId }, cancellationToken: cancellationToken));
    }

    private const string ActiveForAgentSql = $"SELECT {Columns} FROM {From} WHERE w.agent_id = @AgentId AND w.ended_at IS NULL ORDER BY w.accepted_at, w.offer_id";

    public async Task<IReadOnlyList<DeskWork>> ActiveForAgentAsync(Guid agentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DeskWork>(new CommandDefinition(ActiveForAgentSql, new { AgentId = agentId }, cancellationToken: cancellationToken))).AsList();
    }

    private const string LatestForCallSql = $"SELECT {Columns} FROM {From} WHERE w.agent_id = @AgentId AND w.call_sid = @CallSid ORDER BY w.accepted_at DESC, w.offer_id DESC";

    public async Task<DeskWork?> LatestForCallAsync(Guid agentId, string callSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DeskWork>(new CommandDefinition(LatestForCallSql, new { AgentId = agentId, CallSid = callSid }, cancellationToken: cancellationToken)))
            .FirstOrDefault();
    }

    private const string ActiveForCallSql = $"SELECT {Columns} FROM {From} WHERE w.call_sid = @CallSid AND w.ended_at IS NULL ORDER BY w.accepted_at, w.offer_id";

    public async Task<IReadOnlyList<DeskWork>> ActiveForCallAsync(string callSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DeskWork>(new CommandDefinition(ActiveForCallSql, new { CallSid = callSid }, cancellationToken: cancellationToken))).AsList();
    }

    private const string LatestEndedCallSql = $"""
        SELECT {Columns} FROM {From}
        WHERE w.agent_id = @AgentId AND w.call_sid IS NOT NULL AND w.ended_at IS NOT NULL
        ORDER BY w.ended_at DESC, w.offer_id DESC
        """;

    public async Task<DeskWork?> LatestEndedCallAsync(Guid agentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DeskWork>(new CommandDefinition(LatestEndedCallSql, new { AgentId = agentId }, cancellationToken: cancellationToken)))
            .FirstOrDefault();
    }

    private const string ActiveForConversationSql = $"SELECT {Columns} FROM {From} WHERE w.conversation_id = @ConversationId AND w.ended_at IS NULL";

    public async Task<DeskWork?> ActiveForConversationAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<DeskWork>(new CommandDefinition(ActiveForConversationSql, new { ConversationId = conversationId }, cancellationToken: cancellationToken)))
            .FirstOrDefault();
    }

    private const string SetPatientSql = "UPDATE desk_work SET patient_id = @PatientId WHERE offer_id = @OfferId";

    public async Task<bool> SetPatientAsync(Guid offerId, Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(SetPatientSql, new { OfferId = offerId, PatientId = patientId }, cancellationToken: cancellationToken)) == 1;
    }

    // The version is bumped: a voice path change decided on the row before this end is refused and decided again.
    private const string EndSql = "UPDATE desk_work SET ended_at = @At, end_reason = @Reason, version = version + 1 WHERE offer_id = @OfferId AND ended_at IS NULL";

    public async Task<bool> EndAsync(Guid offerId, string reason, DateTime at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(EndSql, new { OfferId = offerId, Reason = reason, At = at }, cancellationToken: cancellationToken)) == 1;
    }
}
