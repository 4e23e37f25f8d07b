namespace Notifications.Outbox;

/// <summary>One dispatch outcome as the fenced update that records it, with its parameters by name.</summary>
internal sealed record OutcomeStatement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);
