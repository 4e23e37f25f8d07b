using CallCenter.Core.Data;

namespace CallCenter.Core.Tests.Data;

public sealed class SqlServerScriptTests
{
    public static TheoryData<string> ScriptNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var script in SchemaMigrator.ScriptsFor(DatabaseProviders.SqlServer))
            {
                data.Add(script.Name);
            }

            return data;
        }
    }

    [Fact]
    public void ScriptsFor_SqlServer_FindsEmbeddedScripts()
    {
        Assert.Contains(SchemaMigrator.ScriptsFor(DatabaseProviders.SqlServer), s => s.Name == "0001_initial.sql");
    }

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public void Script_ParsedAsTSql160_HasNoErrors(string name)
    {
        var script = SchemaMigrator.ScriptsFor(DatabaseProviders.SqlServer).Single(s => s.Name == name);

        var batches = TSql.Batches(script.Contents);

        Assert.NotEmpty(batches);
        var errors = batches.SelectMany((batch, i) => TSql.Errors(batch).Select(e => $"batch {i + 1}: {e}")).ToList();
        Assert.True(errors.Count == 0, $"{name} does not parse as T-SQL:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void Batches_SplitOnGoLines_NotOnGoInsideText()
    {
        const string script = "CREATE TABLE a (id int);\nGO\nINSERT INTO a (id) VALUES (1); -- GO on\n  go  \nSELECT 1;";

        var batches = TSql.Batches(script);

        Assert.Equal(3, batches.Count);
        Assert.Contains("-- GO on", batches[1], StringComparison.Ordinal);
    }
}
