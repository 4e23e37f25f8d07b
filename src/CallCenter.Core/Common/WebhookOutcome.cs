namespace CallCenter.Core.Common;

/// <summary>What a status webhook did. Delivery is at least once and unordered, so all three are normal.</summary>
public enum WebhookOutcome
{
    /// <summary>The event was new and moved the record forward.</summary>
    Applied,

    /// <summary>The event was new and kept in the history, but the record was already further along.</summary>
    Stale,

    /// <summary>A redelivery of an event already recorded: nothing changed.</summary>
    Duplicate,
}
