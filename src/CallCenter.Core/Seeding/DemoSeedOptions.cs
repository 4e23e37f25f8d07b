namespace CallCenter.Core.Seeding;

/// <summary>How much demo data to load (section <c>Seed</c>); the defaults make a realistic month.</summary>
public sealed class DemoSeedOptions
{
    public const string SectionName = "Seed";
    public const string PasswordVariable = "CALLCENTER_DEMO_PASSWORD";

    /// <summary>Load the demo hospital at start-up (same as the <c>--seed-demo</c> switch).</summary>
    public bool Demo { get; set; }

    public int Patients { get; set; } = 1000;

    public int Appointments { get; set; } = 1500;

    public int Days { get; set; } = 30;

    /// <summary>Same seed, same hospital.</summary>
    public int RandomSeed { get; set; } = 20261123;

    public string TimeZone { get; set; } = "Asia/Shanghai";
}
