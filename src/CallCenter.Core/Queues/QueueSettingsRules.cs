using System.Text.RegularExpressions;
using CallCenter.Core.Wallboard;

namespace CallCenter.Core.Queues;

/// <summary>The rules a queue's settings must meet before they are stored.</summary>
public static partial class QueueSettingsRules
{
    public const int MaxNameLength = 64;
    public const int MaxDisplayNameLength = 200;
    public const int MaxSkills = 20;
    public const int MaxServiceLevelSeconds = 3600;
    public const int MinMaxWaitSeconds = 10;
    public const int MaxMaxWaitSeconds = 14_400;
    public const int MaxWrapUpSeconds = 3600;
    public const int MaxShortAbandonSeconds = 600;
    public const int MaxThresholdSeconds = 86_400;
    public const int MaxWaitingThreshold = 100_000;

    // required_skills is stored comma-separated in 500 characters: 20 names of up to 24 characters fit.
    private const int MaxSkillLength = 24;

    /// <summary>Lowercase letters, digits and '-', 1 to 64 characters: safe in URLs, flow files and logs.</summary>
    public static bool IsValidName(string? name) => name is { Length: > 0 and <= MaxNameLength } && NamePattern().IsMatch(name);

    /// <summary>The errors of <paramref name="settings"/> on their own; the overflow queue's existence is checked where the queues are.</summary>
    public static IReadOnlyList<QueueFieldError> Check(QueueSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<QueueFieldError>();
        if (!IsValidName(settings.Name))
        {
            errors.Add(new("name", "is required: 1 to 64 lowercase letters, digits or '-'"));
        }

        if (string.IsNullOrWhiteSpace(settings.DisplayName) || settings.DisplayName.Length > MaxDisplayNameLength)
        {
            errors.Add(new("displayName", $"must be 1 to {MaxDisplayNameLength} characters"));
        }

        CheckSkills(settings.RequiredSkills, errors);
        if (!Enum.IsDefined(settings.Strategy))
        {
            errors.Add(new("strategy", "must be longest-idle, round-robin, fewest-calls or skills-proficiency"));
        }

        if (settings.ServiceLevelSeconds is < 1 or > MaxServiceLevelSeconds)
        {
            errors.Add(new("serviceLevelSeconds", $"must be between 1 and {MaxServiceLevelSeconds}"));
        }

        if (settings.MaxWaitSeconds is < MinMaxWaitSeconds or > MaxMaxWaitSeconds)
        {
            errors.Add(new("maxWaitSeconds", $"must be between {MinMaxWaitSeconds} and {MaxMaxWaitSeconds}"));
        }
        else if (settings.ServiceLevelSeconds > settings.MaxWaitSeconds)
        {
            errors.Add(new("serviceLevelSeconds", "must not exceed maxWaitSeconds"));
        }

        if (settings.WrapUpSeconds is < 0 or > MaxWrapUpSeconds)
        {
            errors.Add(new("wrapUpSeconds", $"must be between 0 and {MaxWrapUpSeconds}"));
        }

        CheckOverflow(settings, errors);
        if (settings.ShortAbandonSeconds is < 0 or > MaxShortAbandonSeconds)
        {
            errors.Add(new("shortAbandonSeconds", $"must be between 0 and {MaxShortAbandonSeconds}"));
        }

        CheckThresholds(settings.Thresholds, errors);
        return errors;
    }

    // Field names as the API's JSON spells them. A figure gets worse as longest wait and waiting rise and as the
    // service level falls, so the warning comes first: below critical for the first two, above it for the third.
    private static void CheckThresholds(QueueThresholds? thresholds, List<QueueFieldError> errors)
    {
        if (thresholds is null)
        {
            return;
        }

        var lwWarning = InRange(thresholds.LongestWaitWarningSeconds, "thresholds.longestWaitWarningSeconds", 0, MaxThresholdSeconds, "seconds", errors);
        var lwCritical = InRange(thresholds.LongestWaitCriticalSeconds, "thresholds.longestWaitCriticalSeconds", 0, MaxThresholdSeconds, "seconds", errors);
        if (lwWarning && lwCritical && thresholds.LongestWaitWarningSeconds >= thresholds.LongestWaitCriticalSeconds)
        {
            errors.Add(new("thresholds.longestWaitWarningSeconds", "must be less than longestWaitCriticalSeconds: the warning comes before the critical level"));
        }

        var slWarning = InRange(thresholds.ServiceLevelWarningPercent, "thresholds.serviceLevelWarningPercent", 0, 100, "percent", errors);
        var slCritical = InRange(thresholds.ServiceLevelCriticalPercent, "thresholds.serviceLevelCriticalPercent", 0, 100, "percent", errors);
        if (slWarning && slCritical && thresholds.ServiceLevelWarningPercent <= thresholds.ServiceLevelCriticalPercent)
        {
            errors.Add(new("thresholds.serviceLevelWarningPercent", "must be greater than serviceLevelCriticalPercent: a falling service level warns first"));
        }

        var wWarning = InRange(thresholds.WaitingWarning, "thresholds.waitingWarning", 0, MaxWaitingThreshold, "calls", errors);
        var wCritical = InRange(thresholds.WaitingCritical, "thresholds.waitingCritical", 0, MaxWaitingThreshold, "calls", errors);
        if (wWarning && wCritical && thresholds.WaitingWarning >= thresholds.WaitingCritical)
        {
            errors.Add(new("thresholds.waitingWarning", "must be less than waitingCritical: the warning comes before the critical level"));
        }
    }

    /// <summary>True when the threshold is set and acceptable; adds the error when it is set and out of range.</summary>
    private static bool InRange(int? value, string field, int min, int max, string unit, List<QueueFieldError> errors)
    {
        if (value is not { } v)
        {
            return false;
        }

        if (v < min || v > max)
        {
            errors.Add(new(field, $"must be between {min} and {max} {unit}, or null for no threshold"));
            return false;
        }

        return true;
    }

    private static void CheckSkills(IReadOnlyList<string>? skills, List<QueueFieldError> errors)
    {
        if (skills is null)
        {
            return;
        }

        if (skills.Count > MaxSkills)
        {
            errors.Add(new("requiredSkills", $"must list at most {MaxSkills} skills"));
            return;
        }

        for (var i = 0; i < skills.Count; i++)
        {
            if (skills[i] is not { Length: > 0 and <= MaxSkillLength } skill || !NamePattern().IsMatch(skill))
            {
                errors.Add(new($"requiredSkills[{i}]", $"must be 1 to {MaxSkillLength} lowercase letters, digits or '-'"));
            }
            else if (skills.Take(i).Contains(skill, StringComparer.Ordinal))
            {
                errors.Add(new($"requiredSkills[{i}]", "is listed twice"));
            }
        }
    }

    private static void CheckOverflow(QueueSettings settings, List<QueueFieldError> errors)
    {
        if (!Enum.IsDefined(settings.OverflowKind))
        {
            errors.Add(new("overflowKind", "must be none, queue, voicemail or callback"));
        }
        else if (settings.OverflowKind == QueueOverflowKind.Queue)
        {
            if (!IsValidName(settings.OverflowQueue))
            {
                errors.Add(new("overflowQueue", "is required when overflowKind is queue: the name of another queue"));
            }
            else if (string.Equals(settings.OverflowQueue, settings.Name, StringComparison.Ordinal))
            {
                errors.Add(new("overflowQueue", "must not be the queue itself"));
            }
        }
        else if (settings.OverflowQueue is not null)
        {
            errors.Add(new("overflowQueue", "is only allowed when overflowKind is queue"));
        }
    }

    [GeneratedRegex(@"^[a-z0-9-]+\z")]
    private static partial Regex NamePattern();
}
