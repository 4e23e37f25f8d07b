using CallCenter.Core.Data;
using CallCenter.Testing;
using Dapper;

namespace CallCenter.Core.Tests.Data;

public sealed class DapperConventionsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    // A probe table of its own, so the test does not depend on any feature's columns.
    private static readonly Dictionary<string, string> ProbeTable = new()
    {
        [TestEngines.Sqlite] = "(id TEXT NOT NULL, other_id TEXT NULL, happened_at TEXT NOT NULL, maybe_at TEXT NULL, on_day TEXT NOT NULL, maybe_day TEXT NULL, is_on INTEGER NOT NULL, maybe_on INTEGER NULL, amount INTEGER NOT NULL)",
        [TestEngines.Postgres] = "(id uuid NOT NULL, other_id uuid NULL, happened_at timestamptz NOT NULL, maybe_at timestamptz NULL, on_day date NOT NULL, maybe_day date NULL, is_on boolean NOT NULL, maybe_on boolean NULL, amount bigint NOT NULL)",
        [TestEngines.SqlServer] = "(id uniqueidentifier NOT NULL, other_id uniqueidentifier NULL, happened_at datetime2 NOT NULL, maybe_at datetime2 NULL, on_day date NOT NULL, maybe_day date NULL, is_on bit NOT NULL, maybe_on bit NULL, amount bigint NOT NULL)",
    };

    private const string Columns = "id, other_id, happened_at, maybe_at, on_day, maybe_day, is_on, maybe_on, amount";

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RoundTrip_EveryConventionType_ReadsBackTheSameValues(string engine)
    {
        var (connection, table) = await CreateProbeTableAsync(engine);
        await using var _ = connection;
        var row = new ProbeRow
        {
            Id = Guid.CreateVersion7(),
            OtherId = Guid.NewGuid(),
            HappenedAt = new DateTime(2026, 11, 23, 8, 15, 30, 123, DateTimeKind.Utc),
            MaybeAt = new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc),
            OnDay = new DateOnly(1987, 2, 28),
            MaybeDay = new DateOnly(2026, 1, 1),
            IsOn = true,
            MaybeOn = false,
            Amount = 5_000_000_000,
        };

        await connection.ExecuteAsync($"INSERT INTO {table} ({Columns}) VALUES (@Id, @OtherId, @HappenedAt, @MaybeAt, @OnDay, @MaybeDay, @IsOn, @MaybeOn, @Amount)", row);
        var read = await connection.QuerySingleAsync<ProbeRow>($"SELECT {Columns} FROM {table} WHERE id = @Id", new { row.Id });

        Assert.Equal(row, read);
        Assert.Equal(DateTimeKind.Utc, read.HappenedAt.Kind);
        Assert.Equal(DateTimeKind.Utc, read.MaybeAt!.Value.Kind);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RoundTrip_NullsAndFalse_ReadBackAsNullsAndFalse(string engine)
    {
        var (connection, table) = await CreateProbeTableAsync(engine);
        await using var _ = connection;
        var row = new ProbeRow { Id = Guid.NewGuid(), HappenedAt = new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc), OnDay = new DateOnly(2026, 11, 23) };

        await connection.ExecuteAsync($"INSERT INTO {table} ({Columns}) VALUES (@Id, @OtherId, @HappenedAt, @MaybeAt, @OnDay, @MaybeDay, @IsOn, @MaybeOn, @Amount)", row);
        var read = await connection.QuerySingleAsync<ProbeRow>($"SELECT {Columns} FROM {table} WHERE id = @Id", new { row.Id });

        Assert.Equal(row, read);
        Assert.Null(read.OtherId);
        Assert.Null(read.MaybeAt);
        Assert.Null(read.MaybeDay);
        Assert.Null(read.MaybeOn);
        Assert.False(read.IsOn);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Write_UnspecifiedKindDateTime_IsStoredAsUtc(string engine)
    {
        var (connection, table) = await CreateProbeTableAsync(engine);
        await using var _ = connection;
        var unspecified = new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Unspecified);
        var row = new ProbeRow { Id = Guid.NewGuid(), HappenedAt = unspecified, OnDay = new DateOnly(2026, 11, 23) };

        await connection.ExecuteAsync($"INSERT INTO {table} ({Columns}) VALUES (@Id, @OtherId, @HappenedAt, @MaybeAt, @OnDay, @MaybeDay, @IsOn, @MaybeOn, @Amount)", row);
        var read = await connection.QuerySingleAsync<ProbeRow>($"SELECT {Columns} FROM {table} WHERE id = @Id", new { row.Id });

        Assert.Equal(DateTime.SpecifyKind(unspecified, DateTimeKind.Utc), read.HappenedAt);
        Assert.Equal(DateTimeKind.Utc, read.HappenedAt.Kind);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AddFilter_NullAndSetValues_WorkInIsNullFilters(string engine)
    {
        var (connection, table) = await CreateProbeTableAsync(engine);
        await using var _ = connection;
        var row = new ProbeRow { Id = Guid.NewGuid(), OtherId = Guid.NewGuid(), HappenedAt = new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc), OnDay = new DateOnly(2026, 11, 23) };
        await connection.ExecuteAsync($"INSERT INTO {table} ({Columns}) VALUES (@Id, @OtherId, @HappenedAt, @MaybeAt, @OnDay, @MaybeDay, @IsOn, @MaybeOn, @Amount)", row);
        var sql = $"SELECT COUNT(*) FROM {table} WHERE (@OtherId IS NULL OR other_id = @OtherId) AND (@From IS NULL OR happened_at >= @From) AND (@Text IS NULL OR @Text = 'x')";

        async Task<long> CountAsync(Guid? otherId, DateTime? from, string? text) => await connection.ExecuteScalarAsync<long>(sql,
            new DynamicParameters().AddFilter("OtherId", otherId).AddFilter("From", from).AddFilter("Text", text));

        Assert.Equal(1, await CountAsync(null, null, null));
        Assert.Equal(1, await CountAsync(row.OtherId, row.HappenedAt, "x"));
        Assert.Equal(0, await CountAsync(Guid.NewGuid(), null, null));
        Assert.Equal(0, await CountAsync(null, row.HappenedAt.AddTicks(10), null));
        Assert.Equal(0, await CountAsync(null, null, "y"));
    }

    private async Task<(System.Data.Common.DbConnection Connection, string Table)> CreateProbeTableAsync(string engine)
    {
        DapperConventions.Apply();
        var db = await fixture.GetAsync(engine);
        var connection = await DatabaseEngine.Create(db.Options).OpenAsync();
        var table = "dapper_probe_" + Guid.NewGuid().ToString("N")[..12];
        await connection.ExecuteAsync($"CREATE TABLE {table} {ProbeTable[engine]}");
        return (connection, table);
    }

    private sealed record ProbeRow
    {
        public Guid Id { get; init; }
        public Guid? OtherId { get; init; }
        public DateTime HappenedAt { get; init; }
        public DateTime? MaybeAt { get; init; }
        public DateOnly OnDay { get; init; }
        public DateOnly? MaybeDay { get; init; }
        public bool IsOn { get; init; }
        public bool? MaybeOn { get; init; }
        public long Amount { get; init; }
    }
}
