namespace CallCenter.Core.Desk;

/// <summary>
/// Told once when an agent wraps up a call (a repeated submit tells nothing): surveys send their after-call SMS from it.
/// A listener that throws is logged; the wrap-up stands.
/// </summary>
public interface IWrapUpListener
{
    Task WrappedUpAsync(CallWrappedUp wrappedUp, CancellationToken cancellationToken);
}
