namespace CallCenter.Core.Queues;

/// <summary>Where a call goes when it has waited the queue's maximum wait.</summary>
public enum QueueOverflowKind
{
    None,

    /// <summary>Another queue, named by <see cref="QueueSettings.OverflowQueue"/>.</summary>
    Queue,
    Voicemail,

    /// <summary>The caller is offered a callback that keeps their place.</summary>
    Callback,
}
