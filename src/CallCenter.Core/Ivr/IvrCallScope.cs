namespace CallCenter.Core.Ivr;

/// <summary>
/// The call a flow turn runs for, while it runs: the audit trail adds its CallSid to the rows the IVR writes (the
/// ports and the services they call audit as <see cref="Accounts.Actor.Ivr"/> and are not handed the call), so an
/// auditor can tell which call read or changed a patient's record. Set by <see cref="FlowRunner"/> for voice sessions.
/// </summary>
public static class IvrCallScope
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The CallSid of the flow turn running on this async flow, or null.</summary>
    public static string? CallSid => Current.Value;

    /// <summary>Marks the rest of this async flow as running for <paramref name="callSid"/>, until disposed.</summary>
    public static IDisposable Begin(string callSid)
    {
        var before = Current.Value;
        Current.Value = callSid;
        return new Restore(before);
    }

    private sealed class Restore(string? before) : IDisposable
    {
        public void Dispose() => Current.Value = before;
    }
}
