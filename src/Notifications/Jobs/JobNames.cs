using System.Text.RegularExpressions;

namespace Notifications.Jobs;

/// <summary>What a job group or name may be: short, URL-safe, so it travels in <c>/api/jobs/{group}/{name}</c> as is.</summary>
public static partial class JobNames
{
    public const int MaxLength = 100;

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex Pattern();
}
