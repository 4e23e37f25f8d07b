namespace CallCenter.Core.Conversations;

public static class ConversationStatuses
{
    public const string Open = "open";
    public const string Closed = "closed";
}
