using CallCenter.Core.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Ivr.Verification;

internal sealed class VerificationFailureRepository(IDbConnectionFactory db, TimeProvider time) : IVerificationFailures
{
    private const string CountSql = """
        SELECT COUNT(*) FROM ivr_verification_failure WHERE subject = @Subject AND occurred_at >= @Since
        """;

    public async Task<int> CountSinceAsync(string subject, DateTime sinceUtc, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            CountSql, new { Subject = subject, Since = sinceUtc }, cancellationToken: cancellationToken));
    }

    private const string InsertSql = """
        INSERT INTO ivr_verification_failure (id, subject, occurred_at, call_sid)
        VALUES (@Id, @Subject, @OccurredAt, @CallSid)
        """;

    public async Task RecordAsync(IReadOnlyCollection<string> subjects, string callSid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        if (subjects.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rows = subjects.Select(subject => new { Id = Ids.New(time), Subject = subject, OccurredAt = now, CallSid = callSid.Length > 80 ? callSid[..80] : callSid }).ToList();
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, rows, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
