namespace CallCenter.Core.Cases;

/// <summary>The two due times a case can miss; each is escalated once.</summary>
public static class CaseBreaches
{
    public const string FirstResponse = "first-response";
    public const string Resolution = "resolution";
}
