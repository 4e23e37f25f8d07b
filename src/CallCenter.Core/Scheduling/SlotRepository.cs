using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Scheduling;

internal sealed class SlotRepository(IDbConnectionFactory db, ISqlDialect dialect, TimeProvider time) : ISlotRepository
{
    private const string Columns = """
        s.id, s.doctor_id, d.department_id, s.starts_at, s.ends_at, s.capacity, s.booked_count, s.created_at
        """;

    // Touching the doctor row takes its row lock on every engine, so two writers of the same doctor's
    // schedule take turns and the overlap check below cannot race. 0 rows: no such doctor.
    private const string LockDoctorSql = "UPDATE doctor SET name = name WHERE id = @DoctorId";

    private const string OverlapsSql = """
        SELECT COUNT(*) FROM slot WHERE doctor_id = @DoctorId AND starts_at < @EndsAt AND ends_at > @StartsAt
        """;

    private const string InsertSql = """
        INSERT INTO slot (id, doctor_id, starts_at, ends_at, capacity, booked_count, created_at)
        VALUES (@Id, @DoctorId, @StartsAt, @EndsAt, @Capacity, 0, @CreatedAt)
        """;

    public async Task<SlotCreateOutcome> CreateAsync(Slot slot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slot);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(LockDoctorSql, new { slot.DoctorId }, tx, cancellationToken: cancellationToken)) == 0)
        {
            return SlotCreateOutcome.DoctorNotFound;
        }

        var overlapping = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            OverlapsSql, new { slot.DoctorId, slot.StartsAt, slot.EndsAt }, tx, cancellationToken: cancellationToken));
        if (overlapping > 0)
        {
            return SlotCreateOutcome.Overlaps;
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, slot, tx, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            return SlotCreateOutcome.Overlaps;
        }

        await tx.CommitAsync(cancellationToken);
        return SlotCreateOutcome.Created;
    }

    private const string InRangeSql = """
        SELECT starts_at, ends_at FROM slot WHERE doctor_id = @DoctorId AND starts_at < @To AND ends_at > @From
        """;

    public async Task<int?> CreateManyAsync(Guid doctorId, IReadOnlyList<SlotTimes> times, int capacity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(times);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(LockDoctorSql, new { DoctorId = doctorId }, tx, cancellationToken: cancellationToken)) == 0)
        {
            return null;
        }

        if (times.Count == 0)
        {
            return 0;
        }

        // One read of what is already there, then only the intervals that overlap nothing (existing or new).
        var taken = (await connection.QueryAsync<ExistingTimes>(new CommandDefinition(
            InRangeSql,
            new { DoctorId = doctorId, From = times.Min(t => t.StartsAt), To = times.Max(t => t.EndsAt) },
            tx,
            cancellationToken: cancellationToken))).Select(e => new SlotTimes(e.StartsAt, e.EndsAt)).ToList();

        var now = time.GetUtcNow().UtcDateTime;
        var created = 0;
        foreach (var interval in times.OrderBy(t => t.StartsAt))
        {
            if (taken.Any(t => t.StartsAt < interval.EndsAt && t.EndsAt > interval.StartsAt))
            {
                continue;
            }

            var slot = new Slot { Id = Ids.New(time), DoctorId = doctorId, StartsAt = interval.StartsAt, EndsAt = interval.EndsAt, Capacity = capacity, CreatedAt = now };
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, slot, tx, cancellationToken: cancellationToken));
            taken.Add(interval);
            created++;
        }

        await tx.CommitAsync(cancellationToken);
        return created;
    }

    private const string FindSql = $"SELECT {Columns} FROM slot s JOIN doctor d ON d.id = s.doctor_id WHERE s.id = @Id";

    public async Task<Slot?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Slot>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    // Optional filters as "@X IS NULL OR ..." keep one statement valid on every engine; the flag is an
    // integer because engines disagree on boolean literals.
    private const string ListSql = $"""
        SELECT {Columns}
        FROM slot s JOIN doctor d ON d.id = s.doctor_id
        WHERE (@DepartmentId IS NULL OR d.department_id = @DepartmentId)
          AND (@DoctorId IS NULL OR s.doctor_id = @DoctorId)
          AND (@From IS NULL OR s.starts_at >= @From)
          AND (@To IS NULL OR s.starts_at < @To)
          AND (@OnlyFree = 0 OR s.booked_count < s.capacity)
        ORDER BY s.starts_at, s.id
        {SqlMarkers.Page}
        """;

    public async Task<Page<Slot>> ListAsync(SlotQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Slot>(new CommandDefinition(
            dialect.Render(ListSql),
            new DynamicParameters(new { OnlyFree = query.OnlyFree ? 1 : 0, page.Skip, Take = page.Take + 1 })
                .AddFilter("DepartmentId", query.DepartmentId)
                .AddFilter("DoctorId", query.DoctorId)
                .AddFilter("From", query.From)
                .AddFilter("To", query.To),
            cancellationToken: cancellationToken));
        return Pages.FromOverfetch(rows.AsList(), page);
    }

    private sealed record ExistingTimes
    {
        public DateTime StartsAt { get; init; }
        public DateTime EndsAt { get; init; }
    }
}
