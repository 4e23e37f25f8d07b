using System.Data.Common;
using Dapper;

namespace CallCenter.Core.Tests.Retention;

/// <summary>Rows of the three kinds retention purges, written as they are stored, at a chosen time.</summary>
internal static class RetentionRows
{
    public static Task ReceiptAsync(DbConnection connection, string token, DateTime at) =>
        connection.ExecuteAsync(
            "INSERT INTO webhook_receipt (idempotency_token, received_at) VALUES (@Token, @At)", new { Token = token, At = at });

    public static Task SessionAsync(DbConnection connection, string key, DateTime at) =>
        connection.ExecuteAsync("""
            INSERT INTO ivr_session (session_key, kind, flow_id, flow_version, state, turn, ended, created_at, updated_at)
            VALUES (@Key, 'voice', 'hotline', 'v1', '{}', 3, @Ended, @At, @At)
            """, new { Key = key, Ended = true, At = at });

    public static Task MessageAsync(DbConnection connection, string sid, string body, DateTime at) =>
        connection.ExecuteAsync("""
            INSERT INTO message (id, message_sid, account_sid, direction, from_number, to_number, body, num_segments, status, status_rank, created_at, updated_at)
            VALUES (@Id, @Sid, 'AC0123456789abcdef0123456789abcdef', 'inbound', '+8613800138000', '+861012345678', @Body, 1, 'received', 4, @At, @At)
            """, new { Id = Guid.NewGuid(), Sid = sid, Body = body, At = at });
}
