namespace CallCenter.Core.Data.Encryption;

/// <summary>How many stored values one re-encryption pass rewrote with the active key, per column (<c>table.column</c>).</summary>
public sealed record ReencryptionResult(string ActiveKeyId, IReadOnlyDictionary<string, int> Rewritten)
{
    public int Total => Rewritten.Values.Sum();
}
