using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CallCenter.Core.Tests.Data;

/// <summary>
/// Parses T-SQL with ScriptDom, the SQL Server parser, so the sqlserver path is checked on machines that
/// cannot run SQL Server itself.
/// </summary>
internal static partial class TSql
{
    /// <summary>The parse errors of one batch, formatted with line and column; empty when it parses.</summary>
    public static IReadOnlyList<string> Errors(string batch)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(batch);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }

    /// <summary>Splits a script into batches the way sqlcmd and DbUp do: on lines that hold only GO.</summary>
    public static IReadOnlyList<string> Batches(string script) =>
        GoLine().Split(script).Where(batch => !string.IsNullOrWhiteSpace(batch)).ToList();

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
