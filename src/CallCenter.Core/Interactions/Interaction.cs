namespace CallCenter.Core.Interactions;

/// <summary>One entry on a patient's timeline: a call, an SMS, an email or a staff note.</summary>
public sealed record Interaction
{
    public required Guid Id { get; init; }
    public Guid? PatientId { get; init; }
    public required string Kind { get; init; }
    public required string Direction { get; init; }
    public required DateTime OccurredAt { get; init; }
    public string? Summary { get; init; }
    public Guid? UserId { get; init; }

    /// <summary>The other system's ID (a call SID, a message ID), to match its later events.</summary>
    public string? ExternalId { get; init; }
}

public static class InteractionKinds
{
    public const string Call = "call";
    public const string Sms = "sms";
    public const string Email = "email";
    public const string Note = "note";

    public static readonly IReadOnlyList<string> All = [Call, Sms, Email, Note];
}

public static class InteractionDirections
{
    public const string Inbound = "inbound";
    public const string Outbound = "outbound";

    /// <summary>Neither from nor to the patient: a staff note.</summary>
    public const string Internal = "internal";

    public static readonly IReadOnlyList<string> All = [Inbound, Outbound, Internal];
}
