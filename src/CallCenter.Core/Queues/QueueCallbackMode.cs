namespace CallCenter.Core.Queues;

/// <summary>How the queue's callbacks are dialled (stored kebab-case in <c>call_queue.callback_mode</c>).</summary>
public enum QueueCallbackMode
{
    /// <summary>An agent with the skill is offered the callback with its reason; on accept the patient is dialled.</summary>
    AgentFirst,

    /// <summary>The patient is dialled first; on answer they hear who calls and join the line at the callback's place.</summary>
    CustomerFirst,
}
