using Twilio.Protocol.Webhooks;

namespace CallCenter.Core.Callbacks;

/// <summary>What one dial of a callback came to (<c>callback_request.last_outcome</c>, and the timeline).</summary>
public static class CallbackOutcomes
{
    public const string Answered = "answered";
    public const string Busy = "busy";
    public const string NoAnswer = "no-answer";
    public const string AnsweringMachine = "answering-machine";
    public const string Failed = "failed";

    /// <summary>
    /// A final call status with Twilio's <c>AnsweredBy</c> (from <c>MachineDetection</c>): machine_start,
    /// machine_end_beep, machine_end_silence, machine_end_other and fax are a machine; human or unknown is a person.
    /// </summary>
    public static string Of(CallStatus status, string? answeredBy) => status switch
    {
        CallStatus.Busy => Busy,
        CallStatus.NoAnswer or CallStatus.Canceled => NoAnswer,
        CallStatus.Completed when IsMachine(answeredBy) => AnsweringMachine,
        CallStatus.Completed => Answered,
        _ => Failed,
    };

    public static bool IsMachine(string? answeredBy) =>
        answeredBy is { } by && (by.StartsWith("machine", StringComparison.Ordinal) || by == "fax");
}
