using System.Data.Common;
using Dapper;

namespace CallCenter.Core.Routing;

/// <summary>
/// The conditional changes of the work rows (queue entry, callback request, conversation) inside a routing
/// transaction. Each names the status it expects, so a change another process made first changes nothing here.
/// </summary>
internal static class WorkRows
{
    private const string ClaimEntrySql = "UPDATE queue_entry SET status = 'offered' WHERE id = @Id AND status = 'waiting'";

    // A transfer takes the call from the line or from the agent on it (then the call is no longer theirs).
    private const string ClaimForTransferSql = """
        UPDATE queue_entry SET status = 'offered', agent_id = NULL WHERE id = @Id AND status IN ('waiting', 'bridged')
        """;
    private const string ClaimCallbackSql = "UPDATE callback_request SET status = 'offered' WHERE id = @Id AND status = 'requested'";
    private const string ClaimConversationSql = """
        UPDATE conversation SET routing_status = 'offered' WHERE id = @Id AND routing_status = 'waiting' AND status = 'open'
        """;

    /// <summary>Takes waiting work out of everyone else's reach (it stays in line, in its place).</summary>
    public static async Task<bool> ClaimAsync(DbConnection connection, DbTransaction tx, WorkKind kind, Guid id, bool transfer, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, tx, kind switch
        {
            WorkKind.Call => transfer ? ClaimForTransferSql : ClaimEntrySql,
            WorkKind.Callback => ClaimCallbackSql,
            _ => ClaimConversationSql,
        }, new { Id = id }, cancellationToken) == 1;

    private const string ReturnEntrySql = "UPDATE queue_entry SET status = 'waiting' WHERE id = @Id AND status = 'offered'";
    private const string ReturnCallbackSql = "UPDATE callback_request SET status = 'requested' WHERE id = @Id AND status = 'offered'";
    private const string ReturnConversationSql = "UPDATE conversation SET routing_status = 'waiting' WHERE id = @Id AND routing_status = 'offered'";

    /// <summary>Puts offered work back in line; its place was never changed, so it goes back where it was.</summary>
    public static Task ReturnAsync(DbConnection connection, DbTransaction tx, Offer offer, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, tx, offer.Kind switch
        {
            WorkKind.Call => ReturnEntrySql,
            WorkKind.Callback => ReturnCallbackSql,
            _ => ReturnConversationSql,
        }, new { Id = WorkId(offer) }, cancellationToken);

    private const string AssignEntrySql = """
        UPDATE queue_entry SET status = 'bridged', agent_id = @AgentId, answered_at = @At, ended_at = @At, end_reason = 'answered'
        WHERE id = @Id AND status = 'offered'
        """;

    private const string AssignCallbackSql = "UPDATE callback_request SET status = 'assigned' WHERE id = @Id AND status = 'offered'";

    private const string AssignConversationSql = """
        UPDATE conversation SET routing_status = 'assigned', agent_id = @AgentId WHERE id = @Id AND routing_status = 'offered' AND status = 'open'
        """;

    /// <summary>Gives offered work to the agent; false when it left the line meanwhile (the caller hung up).</summary>
    public static async Task<bool> AssignAsync(DbConnection connection, DbTransaction tx, Offer offer, DateTime at, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection, tx, offer.Kind switch
        {
            WorkKind.Call => AssignEntrySql,
            WorkKind.Callback => AssignCallbackSql,
            _ => AssignConversationSql,
        }, new { Id = WorkId(offer), offer.AgentId, At = at }, cancellationToken) == 1;

    private const string LinkEntrySql = "UPDATE queue_entry SET patient_id = @PatientId WHERE id = @Id AND patient_id IS NULL";
    private const string LinkCallbackSql = "UPDATE callback_request SET patient_id = @PatientId WHERE id = @Id AND patient_id IS NULL";
    private const string LinkConversationSql = "UPDATE conversation SET patient_id = @PatientId WHERE id = @Id AND patient_id IS NULL";

    public static Task LinkPatientAsync(DbConnection connection, DbTransaction tx, Offer offer, Guid patientId, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, tx, offer.Kind switch
        {
            WorkKind.Call => LinkEntrySql,
            WorkKind.Callback => LinkCallbackSql,
            _ => LinkConversationSql,
        }, new { Id = WorkId(offer), PatientId = patientId }, cancellationToken);

    public static Guid WorkId(Offer offer) =>
        offer.QueueEntryId ?? offer.CallbackRequestId ?? offer.ConversationId
        ?? throw new InvalidOperationException("An offer without work.");

    private static Task<int> ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, object parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction: tx, cancellationToken: cancellationToken));
}
