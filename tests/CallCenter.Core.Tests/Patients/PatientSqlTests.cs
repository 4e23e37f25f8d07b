using System.Reflection;
using CallCenter.Core.Patients;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CallCenter.Core.Tests.Patients;

/// <summary>
/// SQL Server cannot run here, so the patients' and interactions' statements are at least parsed as T-SQL
/// (SQLite and PostgreSQL run them in the repository tests).
/// </summary>
public sealed class PatientSqlTests
{
    public static TheoryData<string> Statements
    {
        get
        {
            var data = new TheoryData<string>();
            var types = typeof(PatientRepository).Assembly.GetTypes()
                .Where(t => t.Namespace is "CallCenter.Core.Patients" or "CallCenter.Core.Interactions");
            foreach (var constant in types.SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)))
            {
                if (constant.IsLiteral && constant.FieldType == typeof(string) && constant.Name.EndsWith("Sql", StringComparison.Ordinal))
                {
                    data.Add($"{constant.DeclaringType!.Name}.{constant.Name}");
                }
            }

            return data;
        }
    }

    [Fact]
    public void Statements_AreFound()
    {
        Assert.Contains("PatientRepository.SearchSql", Statements.Cast<object[]>().Select(row => (string)row[0]));
        Assert.Contains("InteractionRepository.TimelineSql", Statements.Cast<object[]>().Select(row => (string)row[0]));
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_ParsesAsTSql(string name)
    {
        var parts = name.Split('.');
        var type = typeof(PatientRepository).Assembly.GetTypes().Single(t => t.Name == parts[0] && t.Namespace!.StartsWith("CallCenter.Core.", StringComparison.Ordinal));
        var sql = (string)type.GetField(parts[1], BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)!.GetRawConstantValue()!;

        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => e.Message)));
    }
}
