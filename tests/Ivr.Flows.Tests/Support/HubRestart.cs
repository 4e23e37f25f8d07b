using Ivr.Flows.Execution;
using Ivr.Flows.Loading;

namespace Ivr.Flows.Tests.Support;

/// <summary>
/// Answers the current step the way a restarted hub would: the session is stored as JSON and read back before the
/// webhook is handled, so only what the session holds survives.
/// </summary>
internal static class HubRestart
{
    public static async Task<FlowTurn> PressAfterRestartAsync(FlowRun run, string digits)
    {
        var stored = FlowJson.SerializeSession(run.Session);
        var restored = FlowJson.DeserializeSession(stored);
        var input = new FlowInput { Event = FlowEvent.Gathered, Step = restored.CurrentStep, Turn = restored.Turn, Digits = digits };
        return await FlowEngine.ContinueAsync(run.Flow, restored, input, run.World.Services, FlowRun.Links, CancellationToken.None);
    }
}
