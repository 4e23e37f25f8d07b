namespace Carrier.Simulator.Calls;

/// <summary>
/// Plays a hub that never hears how a call ended (it was down, or the webhook failed): while on, the final status
/// callback of every call ("completed", Twilio's one always sent) is dropped, noted on the call's transcript as
/// <c>status-callback-dropped</c>, never sent. The call itself ends as usual and its REST resource says how. Set through
/// <c>PUT /simulator/status-callbacks</c>; off by default.
/// </summary>
internal sealed class StatusCallbackDrop
{
    private volatile bool _dropFinal;

    public bool DropFinal
    {
        get => _dropFinal;
        set => _dropFinal = value;
    }
}
