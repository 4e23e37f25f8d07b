using System.Data.Common;
using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using CallCenter.Core.Wallboard;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Testing.Wallboard;

/// <summary>
/// The worked example of docs/wallboard.md, "A worked example": one queue's morning on 2026-11-23 in Asia/Shanghai
/// (UTC+8), written through <see cref="IQueueEventLog"/> and as agent_state_event rows. Every expected value in the
/// document and in the tests is computed by hand from these rows. Names are unique, so it can share a database.
/// </summary>
public sealed class WallboardWorkedExample
{
    /// <summary>10:00 local, when the board is read.</summary>
    public static readonly DateTime Now = Local(10, 0, 0);

    private WallboardWorkedExample(string queue, Guid agentX, Guid agentY)
    {
        Queue = queue;
        AgentX = agentX;
        AgentY = agentY;
    }

    /// <summary>Service level 20 s, short abandons under 5 s; thresholds: longest wait 60/120 s, service level 80/60 %, waiting 1/5.</summary>
    public string Queue { get; }

    /// <summary>Has the queue's skill; takes calls A, B and E, a lunch break 09:20–09:35.</summary>
    public Guid AgentX { get; }

    /// <summary>No skills; on break ("training") since yesterday.</summary>
    public Guid AgentY { get; }

    public string Skill => Queue + "-s";

    /// <summary>A wall-clock time on 2026-11-23 in the centre (UTC+8) as UTC.</summary>
    public static DateTime Local(int hour, int minute, int second, int day = 23) =>
        new DateTime(2026, 11, day, hour, minute, second, DateTimeKind.Utc).AddHours(-8);

    public static async Task<WallboardWorkedExample> SeedAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var example = new WallboardWorkedExample(UniqueData.Name("wbq"), Guid.CreateVersion7(), Guid.CreateVersion7());
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await example.AddQueueAsync(connection);
        await example.AddAgentsAsync(connection);
        await example.AddEventsAsync(connection, services.GetRequiredService<IQueueEventLog>());
        await example.AddStatesAsync(connection);
        await example.AddLineAsync(connection);
        return example;
    }

    private const string InsertQueueSql = """
        INSERT INTO call_queue (name, display_name, required_skills, created_at, service_level_seconds, short_abandon_seconds,
                                longest_wait_warning_seconds, longest_wait_critical_seconds, service_level_warning_percent,
                                service_level_critical_percent, waiting_warning, waiting_critical)
        VALUES (@Name, @DisplayName, @Skill, @CreatedAt, 20, 5, 60, 120, 80, 60, 1, 5)
        """;

    private async Task AddQueueAsync(DbConnection connection) =>
        await connection.ExecuteAsync(InsertQueueSql, new { Name = Queue, DisplayName = "Example " + Queue, Skill, CreatedAt = Local(0, 0, 0, 1) });

    private const string InsertUserSql = """
        INSERT INTO app_user (id, user_name, display_name, role, password_hash, failed_login_count, is_disabled, created_at)
        VALUES (@Id, @UserName, @DisplayName, @Role, 'x', 0, @Disabled, @CreatedAt)
        """;

    private const string InsertProfileSql = """
        INSERT INTO agent_profile (user_id, endpoint_kind, endpoint, sms_capacity, last_offered_at, updated_at)
        VALUES (@UserId, 'client', @Endpoint, 3, NULL, @At)
        """;

    private const string InsertSkillSql = "INSERT INTO agent_skill (user_id, skill, proficiency) VALUES (@UserId, @Skill, 5)";

    private async Task AddAgentsAsync(DbConnection connection)
    {
        foreach (var (id, name) in new[] { (AgentX, "\"X\", senior"), (AgentY, "Y") })
        {
            await connection.ExecuteAsync(InsertUserSql, new
            {
                Id = id, UserName = UniqueData.Name("agent"), DisplayName = "Agent " + name, Role = Roles.Agent, Disabled = false, CreatedAt = Local(0, 0, 0, 1),
            });
        }

        await connection.ExecuteAsync(InsertProfileSql, new { UserId = AgentX, Endpoint = "x" + Queue, At = Local(0, 0, 0, 1) });
        await connection.ExecuteAsync(InsertSkillSql, new { UserId = AgentX, Skill });
    }

    private async Task AddEventsAsync(DbConnection connection, IQueueEventLog log)
    {
        await using var tx = await connection.BeginTransactionAsync();
        async Task Add(QueueEventKind kind, DateTime at, string call, int? waitSeconds = null, int? talkSeconds = null, Guid? agent = null, int? position = null, string? detail = null) =>
            await log.AppendAsync(connection, tx, new QueueEvent
            {
                Id = Guid.CreateVersion7(), QueueName = Queue, Kind = kind, CallSid = "CA" + Queue + call, AgentId = agent, Position = position,
                Wait = waitSeconds is { } w ? TimeSpan.FromSeconds(w) : null, Talk = talkSeconds is { } t ? TimeSpan.FromSeconds(t) : null,
                Detail = detail, OccurredAt = at,
            });

        // Yesterday: not today's.
        await Add(QueueEventKind.Entered, Local(23, 59, 0, 22), "Z");

        // A: answered in 10 s, 180 s talk, 30 s wrap-up.
        await Add(QueueEventKind.Entered, Local(9, 0, 0), "A");
        await Add(QueueEventKind.Offered, Local(9, 0, 5), "A", agent: AgentX);
        await Add(QueueEventKind.Connected, Local(9, 0, 10), "A", waitSeconds: 10, agent: AgentX);
        await Add(QueueEventKind.Completed, Local(9, 3, 10), "A", talkSeconds: 180, agent: AgentX, detail: "caller");

        // B: answered in 30 s (outside 20 s), 240 s talk, 60 s wrap-up.
        await Add(QueueEventKind.Entered, Local(9, 10, 0), "B");
        await Add(QueueEventKind.Offered, Local(9, 10, 25), "B", agent: AgentX);
        await Add(QueueEventKind.Connected, Local(9, 10, 30), "B", waitSeconds: 30, agent: AgentX);
        await Add(QueueEventKind.Completed, Local(9, 14, 30), "B", talkSeconds: 240, agent: AgentX, detail: "agent");

        // C: hung up after 3 s, a short abandon. D: hung up after 45 s, second in line.
        await Add(QueueEventKind.Entered, Local(9, 20, 0), "C");
        await Add(QueueEventKind.Abandoned, Local(9, 20, 3), "C", waitSeconds: 3, position: 1);
        await Add(QueueEventKind.Entered, Local(9, 25, 0), "D");
        await Add(QueueEventKind.Abandoned, Local(9, 25, 45), "D", waitSeconds: 45, position: 2);

        // E: answered in 15 s, 120 s talk, 30 s wrap-up.
        await Add(QueueEventKind.Entered, Local(9, 40, 0), "E");
        await Add(QueueEventKind.Offered, Local(9, 40, 10), "E", agent: AgentX);
        await Add(QueueEventKind.Connected, Local(9, 40, 15), "E", waitSeconds: 15, agent: AgentX);
        await Add(QueueEventKind.Completed, Local(9, 42, 15), "E", talkSeconds: 120, agent: AgentX, detail: "caller");

        // F: waited the maximum 600 s. G: asked for a callback after 60 s, first in line. H: still waiting.
        await Add(QueueEventKind.Entered, Local(9, 45, 0), "F");
        await Add(QueueEventKind.TimedOut, Local(9, 55, 0), "F", waitSeconds: 600);
        await Add(QueueEventKind.Entered, Local(9, 50, 0), "G");
        await Add(QueueEventKind.CallbackRequested, Local(9, 51, 0), "G", waitSeconds: 60, position: 1);
        await Add(QueueEventKind.Entered, Local(9, 58, 0), "H");
        await tx.CommitAsync();
    }

    private const string InsertStateEventSql = """
        INSERT INTO agent_state_event (id, user_id, from_state, to_state, reason, version, occurred_at)
        VALUES (@Id, @UserId, @From, @To, @Reason, @Version, @At)
        """;

    private const string InsertStatusSql = """
        INSERT INTO agent_status (user_id, state, reason, since, wrap_up_until, missed_offers, version, updated_at)
        VALUES (@UserId, @State, @Reason, @Since, NULL, 0, @Version, @Since)
        """;

    private async Task AddStatesAsync(DbConnection connection)
    {
        var x = new (string From, string To, string? Reason, DateTime At)[]
        {
            ("offline", "available", null, Local(8, 0, 0, 22)),
            ("available", "offline", null, Local(18, 0, 0, 22)),
            ("offline", "available", null, Local(8, 30, 0)),
            ("available", "reserved", null, Local(9, 0, 5)),
            ("reserved", "busy", null, Local(9, 0, 10)),
            ("busy", "wrap-up", null, Local(9, 3, 10)),
            ("wrap-up", "available", null, Local(9, 3, 40)),
            ("available", "reserved", null, Local(9, 10, 25)),
            ("reserved", "busy", null, Local(9, 10, 30)),
            ("busy", "wrap-up", null, Local(9, 14, 30)),
            ("wrap-up", "available", null, Local(9, 15, 30)),
            ("available", "break", "lunch", Local(9, 20, 0)),
            ("break", "available", null, Local(9, 35, 0)),
            ("available", "reserved", null, Local(9, 40, 10)),
            ("reserved", "busy", null, Local(9, 40, 15)),
            ("busy", "wrap-up", null, Local(9, 42, 15)),
            ("wrap-up", "available", null, Local(9, 42, 45)),
        };
        for (var i = 0; i < x.Length; i++)
        {
            await connection.ExecuteAsync(InsertStateEventSql, new { Id = Guid.CreateVersion7(), UserId = AgentX, x[i].From, x[i].To, x[i].Reason, Version = i + 1, x[i].At });
        }

        await connection.ExecuteAsync(InsertStatusSql, new { UserId = AgentX, State = "available", Reason = (string?)null, Since = Local(9, 42, 45), Version = x.Length });
        await connection.ExecuteAsync(InsertStateEventSql, new { Id = Guid.CreateVersion7(), UserId = AgentY, From = "offline", To = "break", Reason = "training", Version = 1, At = Local(17, 0, 0, 22) });
        await connection.ExecuteAsync(InsertStatusSql, new { UserId = AgentY, State = "break", Reason = "training", Since = Local(17, 0, 0, 22), Version = 1 });
    }

    private const string InsertEntrySql = """
        INSERT INTO queue_entry (id, queue_name, call_sid, patient_id, caller_number, priority, skills, language, status, enqueued_at, place_at, queue_joined_at)
        VALUES (@Id, @Queue, @CallSid, NULL, @Number, 0, NULL, 'zh-CN', 'waiting', @At, @At, @At)
        """;

    private const string InsertCallbackSql = """
        INSERT INTO callback_request (id, call_sid, queue_name, number, patient_id, language, priority, place_enqueued_at, status, created_at, place_at)
        VALUES (@Id, @CallSid, @Queue, @Number, NULL, 'zh-CN', 0, @Placed, 'requested', @At, @Placed)
        """;

    private async Task AddLineAsync(DbConnection connection)
    {
        await connection.ExecuteAsync(InsertEntrySql, new { Id = Guid.CreateVersion7(), Queue, CallSid = "CA" + Queue + "H", Number = UniqueData.ChinaMobile(), At = Local(9, 58, 0) });
        await connection.ExecuteAsync(InsertCallbackSql, new
        {
            Id = Guid.CreateVersion7(), CallSid = "CA" + Queue + "G", Queue, Number = UniqueData.ChinaMobile(), Placed = Local(9, 50, 0), At = Local(9, 51, 0),
        });
    }
}
