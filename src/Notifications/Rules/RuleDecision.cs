namespace Notifications.Rules;

/// <summary>What the rules say about a message now: send; wait until <see cref="Until"/>; or never (<see cref="Status"/> suppressed or expired).</summary>
public sealed record RuleDecision(RuleVerdict Verdict, string? Reason = null, DateTime? Until = null, string? Status = null)
{
    public static RuleDecision Send { get; } = new(RuleVerdict.Send);

    public static RuleDecision Defer(DateTime until, string reason) => new(RuleVerdict.Defer, reason, until);

    public static RuleDecision Never(string status, string reason) => new(RuleVerdict.Never, reason, Status: status);
}
