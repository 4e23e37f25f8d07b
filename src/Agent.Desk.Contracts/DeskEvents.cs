namespace AgentDesk.Contracts;

/// <summary>Kinds of work a desk is offered.</summary>
public static class DeskWorkKinds
{
    public const string Call = "call";
    public const string Conversation = "conversation";

    /// <summary>A callback the caller asked for: accepting it makes the hub call the patient and connect them.</summary>
    public const string Callback = "callback";
}
