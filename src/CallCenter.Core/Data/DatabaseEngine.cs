using System.Data.Common;
using System.Text.RegularExpressions;
using DbUp.Builder;

namespace CallCenter.Core.Data;

/// <summary>One database engine: how to connect, how its SQL differs, how its schema is migrated.</summary>
public abstract partial class DatabaseEngine : ISqlDialect, IDbConnectionFactory
{
    protected DatabaseEngine(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ConnectionString = connectionString;
    }

    public abstract string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The paging clause that replaces <see cref="SqlMarkers.Page"/>.</summary>
    protected abstract string PagingClause { get; }

    /// <summary>This engine's expression for <see cref="SqlMarkers.EpochMilliseconds"/>; {0} is the column.</summary>
    protected abstract string EpochMillisecondsFormat { get; }

    public string Render(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var paged = sql.Replace(SqlMarkers.Page, PagingClause, StringComparison.Ordinal);
        return paged.Contains(SqlMarkers.EpochMilliseconds, StringComparison.Ordinal)
            ? EpochMillisecondsMarker().Replace(paged, m => string.Format(System.Globalization.CultureInfo.InvariantCulture, EpochMillisecondsFormat, m.Groups["column"].Value))
            : paged;
    }

    [GeneratedRegex(@"/\*\*epoch-ms\*\*/\((?<column>[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?)\)")]
    private static partial Regex EpochMillisecondsMarker();

    public abstract bool IsUniqueViolation(DbException exception);

    public abstract bool IsLostRace(DbException exception);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected abstract DbConnection CreateConnection();

    /// <summary>Creates the database (or its file) when missing, before migrations run.</summary>
    public abstract void EnsureDatabaseExists();

    /// <summary>A DbUp builder for this engine; scripts and journaling are added by the migrator.</summary>
    public abstract UpgradeEngineBuilder CreateUpgradeBuilder();

    public static DatabaseEngine Create(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            DatabaseProviders.Sqlite => new Engines.SqliteEngine(options.ConnectionString),
            DatabaseProviders.Postgres => new Engines.PostgresEngine(options.ConnectionString),
            DatabaseProviders.SqlServer => new Engines.SqlServerEngine(options.ConnectionString),
            _ => throw new InvalidOperationException(
                $"Database:Provider '{options.Provider}' is not supported; use sqlite, postgres or sqlserver."),
        };
    }
}
