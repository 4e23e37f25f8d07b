namespace CallCenter.Core.Routing;

/// <summary>Stored codes of <see cref="OfferStatus"/> and <see cref="WorkKind"/>.</summary>
public static class OfferCodes
{
    public static string ToCode(this OfferStatus status) => status switch
    {
        OfferStatus.Ringing => "ringing",
        OfferStatus.Accepted => "accepted",
        OfferStatus.Declined => "declined",
        OfferStatus.TimedOut => "timed-out",
        OfferStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown offer status."),
    };

    public static OfferStatus ParseStatus(string code) => code switch
    {
        "ringing" => OfferStatus.Ringing,
        "accepted" => OfferStatus.Accepted,
        "declined" => OfferStatus.Declined,
        "timed-out" => OfferStatus.TimedOut,
        "withdrawn" => OfferStatus.Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown offer status code."),
    };

    public static string ToCode(this WorkKind kind) => kind switch
    {
        WorkKind.Call => "call",
        WorkKind.Conversation => "conversation",
        WorkKind.Callback => "callback",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown work kind."),
    };

    public static WorkKind ParseKind(string code) => code switch
    {
        "call" => WorkKind.Call,
        "conversation" => WorkKind.Conversation,
        "callback" => WorkKind.Callback,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown work kind code."),
    };
}
