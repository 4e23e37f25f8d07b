namespace CallCenter.Core.Callbacks;

/// <summary>How a queue's callbacks are dialled (<c>call_queue.callback_mode</c>).</summary>
public static class CallbackModes
{
    /// <summary>An available agent with the queue's skills is offered the callback; on accept the patient is dialled.</summary>
    public const string AgentFirst = "agent-first";

    /// <summary>The patient is dialled; on answer they are told who is calling and join the line at the callback's place.</summary>
    public const string CustomerFirst = "customer-first";

    public static readonly IReadOnlyList<string> All = [AgentFirst, CustomerFirst];
}
