namespace CallCenter.Core.Interactions;

public static class InteractionKinds
{
    public const string Call = "call";
    public const string Sms = "sms";
    public const string Email = "email";
    public const string Note = "note";

    public static readonly IReadOnlyList<string> All = [Call, Sms, Email, Note];
}
