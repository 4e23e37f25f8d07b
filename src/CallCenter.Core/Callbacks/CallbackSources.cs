namespace CallCenter.Core.Callbacks;

/// <summary>Where a callback request came from (<c>callback_request.source</c>).</summary>
public static class CallbackSources
{
    /// <summary>A caller pressed 1 in line (the IVR's callback offer): keeps the call's place.</summary>
    public const string Ivr = "ivr";

    /// <summary>An agent promised it in wrap-up (scheduled_callback).</summary>
    public const string Desk = "desk";

    /// <summary>Asked for through <c>POST /api/callbacks</c>.</summary>
    public const string Api = "api";
}
