namespace CallCenter.Core.Routing;

/// <summary>One call overflowed, and how.</summary>
public sealed record OverflowAction(string CallSid, string FromQueue, OverflowKind Kind, string? ToQueue, string Language);
