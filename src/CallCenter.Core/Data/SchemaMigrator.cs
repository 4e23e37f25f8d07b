using System.Reflection;
using DbUp.Engine;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Data;

/// <summary>
/// Applies the scripts in <c>sql/&lt;engine&gt;/</c> in file-name order, each once, journaled in the database
/// (DbUp's <c>SchemaVersions</c> table). A failing script stops start-up with its name in the message.
/// </summary>
public sealed class SchemaMigrator(DatabaseEngine engine, ILogger<SchemaMigrator> logger)
{
    public void Migrate() => Migrate(ScriptsFor(engine.Name));

    internal void Migrate(IReadOnlyList<SqlScript> scripts)
    {
        engine.EnsureDatabaseExists();
        var upgrader = engine.CreateUpgradeBuilder()
            .WithScripts(scripts)
            .WithTransactionPerScript()
            .LogTo(new DbUpLog(logger))
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            var script = result.ErrorScript?.Name ?? "(unknown script)";
            throw new MigrationFailedException(engine.Name, script, result.Error);
        }

        foreach (var applied in result.Scripts)
        {
            logger.LogInformation("Applied schema script {Script} on {Engine}", applied.Name, engine.Name);
        }
    }

    /// <summary>The embedded scripts for one engine, ordered by name (NNNN_description.sql).</summary>
    public static IReadOnlyList<SqlScript> ScriptsFor(string engineName)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"sql/{engineName}/";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new SqlScript(name[prefix.Length..], Read(assembly, name)))
            .ToList();
    }

    private static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded schema script {resourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
