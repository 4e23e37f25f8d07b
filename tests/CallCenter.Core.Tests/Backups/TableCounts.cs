using System.Data.Common;
using CallCenter.Testing;
using Dapper;

namespace CallCenter.Core.Tests.Backups;

/// <summary>The row count of every table in a database, the tables read from its schema (never a fixed list).</summary>
internal static class TableCounts
{
    public static async Task<SortedDictionary<string, long>> ReadAsync(string engine, DbConnection connection)
    {
        var tables = engine == TestEngines.Sqlite
            ? (await connection.QueryAsync<string>(
                "SELECT '\"' || name || '\"' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).ToList()
            : (await connection.QueryAsync<string>("""
                SELECT '"' || table_schema || '"."' || table_name || '"' FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                """)).ToList();
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
        }

        return counts;
    }
}
