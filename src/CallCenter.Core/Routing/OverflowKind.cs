namespace CallCenter.Core.Routing;

/// <summary>What overflow decided for a call that waited past its queue's maximum wait.</summary>
public enum OverflowKind
{
    /// <summary>Moved to another queue, keeping its place by time; nothing to do on the call.</summary>
    Queue,

    /// <summary>The hub must redirect the call to leave a voicemail.</summary>
    Voicemail,

    /// <summary>The hub must redirect the call to be offered a callback that keeps its place.</summary>
    Callback,
}
