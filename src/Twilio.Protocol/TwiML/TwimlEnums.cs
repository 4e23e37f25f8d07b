namespace Twilio.Protocol.TwiML;

/// <summary>The HTTP method Twilio uses for a TwiML callback URL.</summary>
public enum CallbackMethod
{
    Get,
    Post,
}

internal static class TwimlValues
{
    public static string? Of(CallbackMethod? method) => method switch
    {
        null => null,
        CallbackMethod.Get => "GET",
        _ => "POST",
    };

    public static string? Of(GatherInput? input) => input switch
    {
        null => null,
        GatherInput.Dtmf => "dtmf",
        GatherInput.Speech => "speech",
        _ => "dtmf speech",
    };

    public static string? Of(RejectReason? reason) => reason switch
    {
        null => null,
        RejectReason.Busy => "busy",
        _ => "rejected",
    };

    public static string? Of(DialRecord? record) => record switch
    {
        null => null,
        DialRecord.DoNotRecord => "do-not-record",
        DialRecord.RecordFromAnswer => "record-from-answer",
        DialRecord.RecordFromRinging => "record-from-ringing",
        DialRecord.RecordFromAnswerDual => "record-from-answer-dual",
        _ => "record-from-ringing-dual",
    };
}
