using AgentDesk.Contracts;
using CallCenter.Core.Ivr;

namespace CallCenter.Core.Desk.ScreenPop;

/// <summary>What the caller did in the IVR, as the desk's contract shows it: never what they typed to prove who they are.</summary>
internal static class IvrSummaries
{
    public static DeskIvrSummary? From(IvrOutcome? outcome) => outcome is null
        ? null
        : new DeskIvrSummary
        {
            Language = outcome.Language,
            MenuPath = outcome.MenuPath,
            Steps = outcome.Steps,
            Verification = outcome.Verification switch
            {
                IvrVerification.Verified => "verified",
                IvrVerification.Failed => "failed",
                _ => "not-attempted",
            },
            FlowId = outcome.FlowId,
        };
}
