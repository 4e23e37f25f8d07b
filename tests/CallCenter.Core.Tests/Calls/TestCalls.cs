using CallCenter.Core.Calls;

namespace CallCenter.Core.Tests.Calls;

/// <summary>Unique carrier SIDs and webhook facts for tests that share a database.</summary>
internal static class TestCalls
{
    public const string AccountSid = "AC00000000000000000000000000000001";

    public static string Sid(string prefix) => prefix + Guid.NewGuid().ToString("N");

    public static IncomingCall Incoming(string callSid, string from) => new()
    {
        CallSid = callSid,
        AccountSid = AccountSid,
        Direction = CallService.InboundDirection,
        From = from,
        To = "+861012345678",
        State = CallState.Ringing,
    };

    public static CallStatusUpdate Status(string callSid, CallState state, int? sequence, string? token = null, int? duration = null) => new()
    {
        CallSid = callSid,
        AccountSid = AccountSid,
        State = state,
        SequenceNumber = sequence,
        IdempotencyToken = token,
        DurationSeconds = duration,
    };
}
