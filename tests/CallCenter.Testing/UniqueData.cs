namespace CallCenter.Testing;

/// <summary>Values unique within a test run, so tests sharing a database do not collide.</summary>
public static class UniqueData
{
    private static int _counter = Random.Shared.Next(1_000_000);

    /// <summary>A valid mainland China mobile number in E.164, different on every call.</summary>
    public static string ChinaMobile()
    {
        var n = Interlocked.Increment(ref _counter) % 100_000_000;
        return $"+86138{n:D8}";
    }

    /// <summary>A medical record number, different on every call.</summary>
    public static string Mrn() => "MRN" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    public static string Name(string prefix = "user") => $"{prefix}{Guid.NewGuid().ToString("N")[..10]}";
}
