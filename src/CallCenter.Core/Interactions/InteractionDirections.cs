namespace CallCenter.Core.Interactions;

public static class InteractionDirections
{
    public const string Inbound = "inbound";
    public const string Outbound = "outbound";

    /// <summary>Neither from nor to the patient: a staff note.</summary>
    public const string Internal = "internal";

    public static readonly IReadOnlyList<string> All = [Inbound, Outbound, Internal];
}
