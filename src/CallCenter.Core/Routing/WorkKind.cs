namespace CallCenter.Core.Routing;

/// <summary>What an offer hands an agent: a waiting call (a queue entry) or an SMS conversation.</summary>
public enum WorkKind
{
    Call,
    Conversation,

    /// <summary>A callback request: on accept the hub calls the patient and connects them to the agent.</summary>
    Callback,
}
