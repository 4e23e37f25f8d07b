using DbUp.Engine;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Data;

public sealed class MigrationFailedException(string engine, string script, Exception? inner)
    : Exception($"Schema migration failed on {engine} in script {script}: {inner?.Message}", inner)
{
    public string Engine { get; } = engine;

    public string Script { get; } = script;
}
