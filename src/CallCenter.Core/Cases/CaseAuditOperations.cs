namespace CallCenter.Core.Cases;

/// <summary>The audit operation names of complaint cases.</summary>
public static class CaseAuditOperations
{
    public const string Open = "case.open";
    public const string Read = "case.read";
    public const string List = "case.list";
    public const string Status = "case.status";
    public const string Assign = "case.assign";
    public const string Note = "case.note";
    public const string Link = "case.link";
    public const string Escalate = "case.escalate";
}
