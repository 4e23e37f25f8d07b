using System.Reflection;
using CallCenter.Core.Backups;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CallCenter.Core.Tests.Backups;

/// <summary>
/// SQL Server's native backup cannot run here: its statements are parsed with ScriptDom, and must be the backup and
/// restore statements they claim to be (a copy-only, checksummed backup; a checksummed restore).
/// </summary>
public sealed class SqlServerBackupStatementTests
{
    [Theory]
    [InlineData("BackupDatabaseSql", typeof(BackupDatabaseStatement), "COPY_ONLY")]
    [InlineData("VerifyBackupSql", typeof(RestoreStatement), "VERIFYONLY")]
    [InlineData("RestoreDatabaseSql", typeof(RestoreStatement), "CHECKSUM")]
    [InlineData("RestoreReplacingDatabaseSql", typeof(RestoreStatement), "REPLACE")]
    public void Statement_ParsedByScriptDom_IsTheBackupOrRestoreItNames(string constant, Type statementType, string option)
    {
        var sql = (string)typeof(SqlServerDatabaseBackup).GetField(constant, BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!;
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);

        using var reader = new StringReader(sql);
        var script = (TSqlScript)parser.Parse(reader, out var errors);

        Assert.Empty(errors);
        var statement = Assert.Single(Assert.Single(script.Batches).Statements);
        Assert.IsType(statementType, statement);
        Assert.Contains(option, sql, StringComparison.Ordinal);
        Assert.Contains("DISK = @Path", sql, StringComparison.Ordinal);
    }
}
