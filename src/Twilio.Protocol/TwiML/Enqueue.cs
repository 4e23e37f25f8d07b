namespace Twilio.Protocol.TwiML;

/// <summary>
/// <c>&lt;Enqueue&gt;</c>: puts the caller in a named queue (hold music from <see cref="WaitUrl"/>), or with
/// <see cref="Task"/> hands the call to a TaskRouter workflow with a JSON task.
/// </summary>
public sealed class Enqueue(string? queueName = null)
{
    private TwimlNode? _task;

    public string? QueueName { get; } = queueName;

    public string? Action { get; init; }

    public CallbackMethod? Method { get; init; }

    public string? WaitUrl { get; init; }

    public CallbackMethod? WaitUrlMethod { get; init; }

    public int? MaxQueueSize { get; init; }

    public string? WorkflowSid { get; init; }

    /// <summary>Sets the TaskRouter task: its attributes as a JSON object, and its priority.</summary>
    public Enqueue Task(string json, int? priority = null, int? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        _task = new TwimlNode("Task").Attribute("priority", priority).Attribute("timeout", timeout).Text(json);
        return this;
    }

    internal TwimlNode ToNode()
    {
        var node = new TwimlNode("Enqueue")
            .Attribute("action", Action)
            .Attribute("method", TwimlValues.Of(Method))
            .Attribute("waitUrl", WaitUrl)
            .Attribute("waitUrlMethod", TwimlValues.Of(WaitUrlMethod))
            .Attribute("maxQueueSize", MaxQueueSize)
            .Attribute("workflowSid", WorkflowSid)
            .Text(QueueName);
        if (_task is not null)
        {
            node.Add(_task);
        }

        return node;
    }
}
