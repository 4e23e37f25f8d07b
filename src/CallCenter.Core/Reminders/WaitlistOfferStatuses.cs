namespace CallCenter.Core.Reminders;

/// <summary>Where a waitlist offer stands: open until accepted, declined, taken by another patient or expired.</summary>
public static class WaitlistOfferStatuses
{
    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Taken = "taken";
    public const string Expired = "expired";
}
