namespace Twilio.Protocol.TwiML;

/// <summary>The <c>record</c> attribute of <c>&lt;Dial&gt;</c>.</summary>
public enum DialRecord
{
    DoNotRecord,
    RecordFromAnswer,
    RecordFromRinging,
    RecordFromAnswerDual,
    RecordFromRingingDual,
}
