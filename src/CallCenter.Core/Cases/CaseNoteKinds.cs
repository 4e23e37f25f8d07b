namespace CallCenter.Core.Cases;

/// <summary>The kinds of entries in a case's history.</summary>
public static class CaseNoteKinds
{
    public const string Opened = "opened";
    public const string Note = "note";
    public const string Status = "status";
    public const string Owner = "owner";
    public const string Link = "link";
    public const string Escalated = "escalated";
}
