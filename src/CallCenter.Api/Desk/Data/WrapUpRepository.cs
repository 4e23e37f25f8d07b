using System.Data.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Interactions;
using Dapper;

namespace CallCenter.Api.Desk.Data;

/// <summary>An agent's after-call work on one call.</summary>
internal sealed record CallWrapUp
{
    public required Guid Id { get; init; }
    public required string CallSid { get; init; }
    public required Guid AgentId { get; init; }
    public required Guid OfferId { get; init; }
    public Guid? PatientId { get; init; }
    public required string Disposition { get; init; }
    public string? Notes { get; init; }
    public Guid? InteractionId { get; init; }
    public required DateTime CreatedAt { get; init; }
}

internal interface IWrapUpRepository
{
    /// <summary>
    /// Stores the wrap-up and its timeline entry (when the call has a patient) in one transaction. False, with
    /// nothing written, when the agent already wrapped up this call.
    /// </summary>
    Task<bool> TryAddAsync(CallWrapUp wrapUp, Interaction? timeline, CancellationToken cancellationToken = default);

    Task<CallWrapUp?> FindAsync(string callSid, Guid agentId, CancellationToken cancellationToken = default);
}

internal sealed class WrapUpRepository(IDbConnectionFactory db, ISqlDialect dialect) : IWrapUpRepository
{
    private const string InsertSql = """
        INSERT INTO call_wrap_up (id, call_sid, agent_id, offer_id, patient_id, disposition, notes, interaction_id, created_at)
        VALUES (@Id, @CallSid, @AgentId, @OfferId, @PatientId, @Disposition, @Notes, @InteractionId, @CreatedAt)
        """;

    private const string InsertInteractionSql = """
        INSERT INTO interaction (id, patient_id, kind, direction, occurred_at, summary, user_id, external_id)
        VALUES (@Id, @PatientId, @Kind, @Direction, @OccurredAt, @Summary, @UserId, @ExternalId)
        """;

    public async Task<bool> TryAddAsync(CallWrapUp wrapUp, Interaction? timeline, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, wrapUp, tx, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        if (timeline is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertInteractionSql, timeline, tx, cancellationToken: cancellationToken));
        }

        await tx.CommitAsync(cancellationToken);
        return true;
    }

    private const string FindSql = """
        SELECT id, call_sid, agent_id, offer_id, patient_id, disposition, notes, interaction_id, created_at
        FROM call_wrap_up WHERE call_sid = @CallSid AND agent_id = @AgentId
        """;

    public async Task<CallWrapUp?> FindAsync(string callSid, Guid agentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CallWrapUp>(
            new CommandDefinition(FindSql, new { CallSid = callSid, AgentId = agentId }, cancellationToken: cancellationToken));
    }
}
