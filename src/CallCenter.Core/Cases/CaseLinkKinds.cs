namespace CallCenter.Core.Cases;

/// <summary>What a case can be linked to: a call (its CallSid) or a message (its MessageSid).</summary>
public static class CaseLinkKinds
{
    public const string Call = "call";
    public const string Message = "message";

    public static readonly IReadOnlyList<string> All = [Call, Message];
}
