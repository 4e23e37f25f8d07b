using System.Data.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Data.Encryption;
using CallCenter.Core.Interactions;
using Dapper;

namespace CallCenter.Core.Desk.Data;

public sealed class WrapUpRepository(IDbConnectionFactory db, ISqlDialect dialect, IFieldCipher cipher) : IWrapUpRepository
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
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, wrapUp with { Notes = cipher.Encrypt(wrapUp.Notes) }, tx, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        if (timeline is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertInteractionSql, timeline with { Summary = cipher.Encrypt(timeline.Summary) }, tx, cancellationToken: cancellationToken));
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
        var row = await connection.QuerySingleOrDefaultAsync<CallWrapUp>(
            new CommandDefinition(FindSql, new { CallSid = callSid, AgentId = agentId }, cancellationToken: cancellationToken));
        return row is null ? null : row with { Notes = cipher.Decrypt(row.Notes) };
    }
}
