using System.Reflection;
using CallCenter.Core.Accounts;
using CallCenter.Core.Data;

namespace CallCenter.Core.Tests.Data;

/// <summary>
/// Every SQL statement the code sends is a <c>const string</c> named <c>*Sql</c>; each one, rendered for SQL
/// Server, must parse as T-SQL. New constants in these assemblies are picked up without touching this test. A
/// statement only ever sent to PostgreSQL is named <c>*PostgresSql</c>: the PostgreSQL theories run it for real.
/// </summary>
public sealed class SqlStatementTests
{
    // The assemblies that send SQL; add a project here when it starts to.
    private static readonly Assembly[] Assemblies =
    [
        typeof(UserAccount).Assembly,
        typeof(Api.Accounts.UserResponse).Assembly,
        typeof(Notifications.Outbox.INotificationOutbox).Assembly,
    ];

    private static readonly DatabaseEngine SqlServer =
        DatabaseEngine.Create(new DatabaseOptions { Provider = DatabaseProviders.SqlServer, ConnectionString = "Server=x;Database=y" });

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Statements = new(FindStatements);

    public static TheoryData<string> StatementNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Statements.Value.Keys.Order(StringComparer.Ordinal))
            {
                data.Add(name);
            }

            return data;
        }
    }

    [Fact]
    public void Statements_FoundByReflection_IncludeKnownOnes()
    {
        var names = Statements.Value.Keys.ToList();

        Assert.NotEmpty(names);
        Assert.Contains("CallCenter.Core.Accounts.UserRepository.FindByIdSql", names);
        Assert.Contains("CallCenter.Core.Accounts.UserRepository.ListSql", names);
        Assert.Contains("CallCenter.Core.Audit.AuditLog.QuerySql", names);
        Assert.Contains("CallCenter.Core.Data.DatabaseHealthCheck.PingSql", names);
    }

    [Theory]
    [MemberData(nameof(StatementNames))]
    public void Statement_RenderedForSqlServer_ParsesAsTSql(string name)
    {
        var sql = SqlServer.Render(Statements.Value[name]);

        var errors = TSql.Errors(sql);

        Assert.True(errors.Count == 0, $"{name} does not parse as T-SQL:\n{string.Join('\n', errors)}\n{sql}");
    }

    [Fact]
    public void Render_PagedStatement_UsesOffsetFetch()
    {
        var sql = SqlServer.Render(Statements.Value["CallCenter.Core.Accounts.UserRepository.ListSql"]);

        Assert.Contains("OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY", sql, StringComparison.Ordinal);
        Assert.DoesNotContain(SqlMarkers.Page, sql, StringComparison.Ordinal);
        Assert.Empty(TSql.Errors(sql));
    }

    [Theory]
    [InlineData("SELECT id FROM app_user LIMIT @Take OFFSET @Skip")]
    [InlineData("SELECT id FROM app_user WHERE is_disabled = TRUE AND")]
    [InlineData("SELEC id FROM app_user")]
    [InlineData("UPDATE app_user SET WHERE id = @Id")]
    public void Errors_ForBrokenStatement_AreReported(string sql)
    {
        Assert.NotEmpty(TSql.Errors(sql));
    }

    private static Dictionary<string, string> FindStatements()
    {
        const BindingFlags flags = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return Assemblies
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetFields(flags))
            .Where(field => field is { IsLiteral: true, IsInitOnly: false }
                && field.FieldType == typeof(string)
                && field.Name.EndsWith("Sql", StringComparison.Ordinal)
                && !field.Name.EndsWith("PostgresSql", StringComparison.Ordinal))
            .ToDictionary(field => $"{field.DeclaringType!.FullName}.{field.Name}", field => (string)field.GetRawConstantValue()!);
    }
}
