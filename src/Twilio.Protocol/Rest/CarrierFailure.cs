namespace Twilio.Protocol.Rest;

/// <summary>
/// Whether an exception from a <see cref="TwilioRestClient"/> call is the carrier failing, to be handled as any
/// refusal is (the agent freed, the caller put back in line, the attempt counted as failed): an error answer
/// (<see cref="TwilioApiException"/>), no connection (<see cref="HttpRequestException"/>), or no answer within
/// <see cref="TwilioOptions.RequestTimeout"/> (the HttpClient's <see cref="TaskCanceledException"/>, or a
/// <see cref="TimeoutException"/>, while the caller's own token was not cancelled). A cancellation the caller asked for
/// (the host stopping) is not a carrier failure and is left to stop the work.
/// </summary>
public static class CarrierFailure
{
    public static bool Is(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        TwilioApiException or HttpRequestException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
