namespace CallCenter.Core.FollowUps;

public static class FollowUpStatuses
{
    public const string Open = "open";
}
