using AgentDesk.Contracts;
using Ivr.Flows.Execution;
using Ivr.Flows.Loading;

namespace CallCenter.Core.Desk.ScreenPop;

/// <summary>What the caller did in the IVR, read from the call's stored session: never what they typed to prove who they are.</summary>
public static class IvrSummaries
{
    public static DeskIvrSummary? From(string? storedState)
    {
        if (storedState is null)
        {
            return null;
        }

        FlowSession session;
        try
        {
            session = FlowJson.DeserializeSession(storedState);
        }
        catch (System.Text.Json.JsonException)
        {
            // A session from an incompatible hub version: the pop goes out without it rather than not at all.
            return null;
        }

        var verification = session.Get(FlowVariables.PatientVerified).AsBoolean()
            ? "verified"
            : session.Trace.Any(t => t.Event == "verify" && t.Detail?.StartsWith("not verified", StringComparison.Ordinal) == true)
                ? "failed"
                : "not-attempted";
        return new DeskIvrSummary
        {
            Language = session.Language,
            MenuPath = session.Get(FlowVariables.MenuPath).AsList(),
            Steps = session.Trace.Where(t => t.Event == "enter").Select(t => t.Step).ToList(),
            Verification = verification,
            FlowId = session.FlowId,
        };
    }
}
