using CallCenter.Core.Data;
using CallCenter.Core.Queues;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Tests.Queues;

/// <summary>Queues of their own for each test: tests share a database, and positions count every waiting call.</summary>
internal static class QueueTestData
{
    private const string InsertQueueSql = """
        INSERT INTO call_queue (name, display_name, required_skills, created_at) VALUES (@Name, @Name, NULL, @CreatedAt)
        """;

    public static async Task<string> AddQueueAsync(IServiceProvider services)
    {
        var name = UniqueData.Name("queue");
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync(InsertQueueSql, new { Name = name, CreatedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) });
        return name;
    }

    public static QueueEntry Entry(string queue, DateTime enqueuedAt, int priority = 0, string? callSid = null) => new()
    {
        Id = Guid.CreateVersion7(),
        QueueName = queue,
        CallSid = callSid ?? "CA" + Guid.NewGuid().ToString("N"),
        CallerNumber = UniqueData.ChinaMobile(),
        Priority = priority,
        Language = "zh-CN",
        Status = QueueStatuses.Waiting,
        EnqueuedAt = enqueuedAt,
    };

    public static CallbackRequestRow CallbackFor(QueueEntry entry, DateTime at) => new()
    {
        Id = Guid.CreateVersion7(),
        CallSid = entry.CallSid,
        QueueName = entry.QueueName,
        Number = entry.CallerNumber,
        Language = entry.Language,
        Priority = entry.Priority,
        PlaceEnqueuedAt = entry.EnqueuedAt,
        Status = QueueStatuses.Requested,
        CreatedAt = at,
    };
}
