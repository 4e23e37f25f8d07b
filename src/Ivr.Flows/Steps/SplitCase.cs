using Ivr.Flows.Expressions;
using Ivr.Flows.Validation;

namespace Ivr.Flows.Steps;

/// <summary>One case of a <see cref="SplitStep"/>: a condition and the step it leads to.</summary>
public sealed class SplitCase
{
    private Expression? _parsed;

    public string When { get; init; } = string.Empty;

    public string? Next { get; init; }

    /// <summary>The condition parsed on first use and kept: flows are shared by every call, so this is thread-safe.</summary>
    internal Expression Parsed => LazyInitializer.EnsureInitialized(ref _parsed, () => Expression.Parse(When));
}
