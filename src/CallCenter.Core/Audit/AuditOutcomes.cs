namespace CallCenter.Core.Audit;

public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Denied = "denied";
    public const string NotFound = "not-found";
    public const string Failed = "failed";
}
