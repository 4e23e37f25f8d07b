using BenchmarkDotNet.Attributes;
using CallCenter.Core;
using CallCenter.Core.Data;
using CallCenter.Core.Wallboard;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Benchmarks;

/// <summary>
/// One wallboard snapshot (<see cref="IWallboardBoard.CurrentAsync"/>) on a day of 100,000 queue events (about 19,000
/// calls over four queues) and about 70,000 agent state changes (100 agents), read at 10:00 local (docs/wallboard.md,
/// docs/performance.md). SQLite: a temp file. PostgreSQL: a new database on the server in
/// <c>CALLCENTER_BENCH_POSTGRES</c> (a server connection string; scripts/postgres.sh starts one), skipped without it.
/// </summary>
[MemoryDiagnoser]
public class WallboardBenchmarks
{
    private const int EventsToday = 100_000;
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc); // 10:00 in Shanghai
    private static readonly DateTime DayStart = new(2026, 11, 22, 16, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Queues = ["appointments", "test-results", "complaints", "general"];

    private ServiceProvider? _services;
    private IWallboardBoard? _board;
    private string? _sqliteFile;

    [Params("sqlite", "postgres")]
    public string Engine { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        var connectionString = Engine switch
        {
            "sqlite" => $"Data Source={_sqliteFile = Path.Combine(Path.GetTempPath(), $"wallboard-bench-{Guid.NewGuid():N}.db")}",
            _ => Environment.GetEnvironmentVariable("CALLCENTER_BENCH_POSTGRES") is { Length: > 0 } server
                ? new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = "wallboard_bench_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString
                : throw new InvalidOperationException("Set CALLCENTER_BENCH_POSTGRES to a PostgreSQL server connection string."),
        };
        var options = new DatabaseOptions { Provider = Engine, ConnectionString = connectionString };
        new SchemaMigrator(DatabaseEngine.Create(options), NullLogger<SchemaMigrator>.Instance).Migrate();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Engine, ["Database:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FixedTime(Now));
        services.AddCallCenterCore();
        _services = services.BuildServiceProvider();
        SeedAsync(_services).GetAwaiter().GetResult();
        _board = _services.GetRequiredService<IWallboardBoard>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
        }
    }

    [Benchmark]
    public async Task<int> Snapshot()
    {
        var snapshot = await _board!.CurrentAsync();
        return snapshot.Centre.Today.Offered;
    }

    private const string InsertUserSql = """
        INSERT INTO app_user (id, user_name, display_name, role, password_hash, failed_login_count, is_disabled, created_at)
        VALUES (@Id, @UserName, @UserName, 'agent', 'x', 0, @Disabled, @At)
        """;

    private const string InsertStateEventSql = """
        INSERT INTO agent_state_event (id, user_id, from_state, to_state, reason, version, occurred_at)
        VALUES (@Id, @UserId, @From, @To, NULL, @Version, @At)
        """;

    private const string InsertStatusSql = """
        INSERT INTO agent_status (user_id, state, reason, since, wrap_up_until, missed_offers, version, updated_at)
        VALUES (@UserId, @State, NULL, @Since, NULL, 0, @Version, @Since)
        """;

    // Each call: entered, offered, connected and completed (one in ten abandoned instead, one in twenty also rings
    // out once first), spread over 00:00 to 10:00; its agent goes reserved, busy, wrap-up (20 s) and available.
    private static async Task SeedAsync(IServiceProvider services)
    {
        var log = services.GetRequiredService<IQueueEventLog>();
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        var agents = Enumerable.Range(0, 100).Select(i => Guid.CreateVersion7()).ToArray();
        foreach (var (agent, i) in agents.Select((a, i) => (a, i)))
        {
            await connection.ExecuteAsync(InsertUserSql, new { Id = agent, UserName = $"bench-agent-{i}", Disabled = false, At = DayStart });
        }

        var versions = new int[agents.Length];
        var states = Enumerable.Repeat("offline", agents.Length).ToArray();
        var since = new DateTime[agents.Length];
        var freeAt = new DateTime[agents.Length];
        var random = new Random(14);
        var events = 0;
        var span = (Now - DayStart).TotalMilliseconds;
        await using var tx = await connection.BeginTransactionAsync();
        for (var call = 0; events < EventsToday; call++)
        {
            var queue = Queues[call % Queues.Length];
            var sid = $"CAbench{call}";
            var entered = DayStart.AddMilliseconds(span * events / EventsToday);
            var a = Array.IndexOf(freeAt, freeAt.Min());
            var earliest = entered + TimeSpan.FromSeconds(random.Next(1, 30));
            var wait = (freeAt[a] > earliest ? freeAt[a] : earliest) - entered;
            async Task Add(QueueEventKind kind, DateTime at, TimeSpan? w = null, TimeSpan? talk = null, Guid? agent = null)
            {
                await log.AppendAsync(connection, tx, new QueueEvent
                {
                    Id = Guid.CreateVersion7(), QueueName = queue, Kind = kind, CallSid = sid, AgentId = agent, Wait = w, Talk = talk, OccurredAt = at,
                });
                events++;
            }

            await Add(QueueEventKind.Entered, entered);
            if (call % 10 == 9)
            {
                await Add(QueueEventKind.Abandoned, entered + wait, w: wait);
                continue;
            }

            var agentId = agents[a];
            if (call % 20 == 3)
            {
                await Add(QueueEventKind.Offered, entered + wait / 2, agent: agentId);
                await Add(QueueEventKind.RingNoAnswer, entered + wait * 3 / 4, agent: agentId);
            }

            var talk = TimeSpan.FromSeconds(random.Next(30, 200));
            freeAt[a] = entered + wait + talk + TimeSpan.FromSeconds(21);
            await Add(QueueEventKind.Offered, entered + wait - TimeSpan.FromSeconds(1), agent: agentId);
            await Add(QueueEventKind.Connected, entered + wait, w: wait, agent: agentId);
            await Add(QueueEventKind.Completed, entered + wait + talk, talk: talk, agent: agentId);
            foreach (var (to, at) in new[]
            {
                ("reserved", entered + wait - TimeSpan.FromSeconds(1)), ("busy", entered + wait), ("wrap-up", entered + wait + talk),
                ("available", entered + wait + talk + TimeSpan.FromSeconds(20)),
            })
            {
                versions[a]++;
                await connection.ExecuteAsync(
                    InsertStateEventSql, new { Id = Guid.CreateVersion7(), UserId = agentId, From = states[a], To = to, Version = versions[a], At = at }, tx);
                states[a] = to;
                since[a] = at;
            }
        }

        for (var a = 0; a < agents.Length; a++)
        {
            await connection.ExecuteAsync(InsertStatusSql, new { UserId = agents[a], State = states[a], Since = since[a] == default ? DayStart : since[a], Version = versions[a] }, tx);
        }

        await tx.CommitAsync();
    }

    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc);
    }
}
