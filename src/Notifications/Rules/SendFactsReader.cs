using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Data;
using CallCenter.Core.Patients;
using Dapper;

namespace Notifications.Rules;

/// <summary>
/// Reads a claimed batch's <see cref="SendFacts"/> with one statement per fact, each joined to the batch by its claim
/// token (so no list of ids is sent, and every statement stays static SQL on all three engines). The patients whose
/// consent and time zone were read are audited, one entry each, as the outbox's reads.
/// </summary>
internal sealed class SendFactsReader(IDbConnectionFactory db, IAuditLog audit)
{
    /// <summary>The audit operation of the dispatcher reading a patient's consent and time zone before a send.</summary>
    public const string AuditOperation = "notification.rules-read";

    private static readonly Actor Outbox = new(Guid.Empty, "outbox", Roles.Admin);

    private const string SuppressedSql = """
        SELECT s.channel, s.address, s.reason
        FROM recipient_suppression s
        WHERE EXISTS (SELECT 1 FROM notification n
                      WHERE n.claim_token = @ClaimToken AND n.channel = s.channel AND n.recipient = s.address)
        """;

    private const string ConsentsSql = """
        SELECT c.id, c.patient_id, c.channel, c.granted, c.changed_at, c.method, c.recorded_by_user_id, c.note, c.purpose
        FROM patient_consent c
        WHERE c.patient_id IN (SELECT n.patient_id FROM notification n WHERE n.claim_token = @ClaimToken)
        ORDER BY c.patient_id, c.changed_at DESC, c.id DESC
        """;

    private const string TimeZonesSql = """
        SELECT p.id, p.time_zone
        FROM patient p
        WHERE p.id IN (SELECT n.patient_id FROM notification n WHERE n.claim_token = @ClaimToken)
        """;

    private const string SentSinceSql = """
        SELECT s.patient_id, COUNT(*) AS sent, MIN(s.sent_at) AS oldest
        FROM notification s
        WHERE s.patient_id IN (SELECT n.patient_id FROM notification n WHERE n.claim_token = @ClaimToken)
          AND s.sent_at >= @Since AND s.urgent = @False
        GROUP BY s.patient_id
        """;

    public async Task<SendFacts> ReadAsync(Guid claimToken, bool anyPatient, DateTime since, CancellationToken cancellationToken)
    {
        var facts = new SendFacts();
        var parameters = new { ClaimToken = claimToken, Since = since, False = false };
        await using var connection = await db.OpenAsync(cancellationToken);
        foreach (var row in await connection.QueryAsync<SuppressedRow>(new CommandDefinition(SuppressedSql, parameters, cancellationToken: cancellationToken)))
        {
            facts.Suppressed[(row.Channel, row.Address)] = row.Reason;
        }

        if (!anyPatient)
        {
            return facts;
        }

        foreach (var consent in await connection.QueryAsync<PatientConsent>(new CommandDefinition(ConsentsSql, parameters, cancellationToken: cancellationToken)))
        {
            if (!facts.Consents.TryGetValue(consent.PatientId, out var history))
            {
                facts.Consents[consent.PatientId] = history = [];
            }

            history.Add(consent);
        }

        foreach (var zone in await connection.QueryAsync<ZoneRow>(new CommandDefinition(TimeZonesSql, parameters, cancellationToken: cancellationToken)))
        {
            facts.TimeZones[zone.Id] = zone.TimeZone;
        }

        foreach (var sent in await connection.QueryAsync<SentRow>(new CommandDefinition(SentSinceSql, parameters, cancellationToken: cancellationToken)))
        {
            facts.SentSince[sent.PatientId] = new SentCount((int)sent.Sent, sent.Oldest);
        }

        await audit.WriteManyAsync(Outbox, AuditOperation, [.. facts.TimeZones.Keys], AuditOutcomes.Success, "consent and time zone read before a send", cancellationToken);
        return facts;
    }

    private sealed class SuppressedRow
    {
        public string Channel { get; init; } = string.Empty;

        public string Address { get; init; } = string.Empty;

        public string Reason { get; init; } = string.Empty;
    }

    private sealed class ZoneRow
    {
        public Guid Id { get; init; }

        public string TimeZone { get; init; } = string.Empty;
    }

    private sealed class SentRow
    {
        public Guid PatientId { get; init; }

        public long Sent { get; init; }

        public DateTime? Oldest { get; init; }
    }
}
