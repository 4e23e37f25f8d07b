using Carrier.Simulator.Hub;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Calls;

/// <summary>An outbound call as the REST API asked for it.</summary>
internal sealed record OutboundCallRequest(
    string From, string To, string? Url, string Method, string? Twiml, string? StatusCallback, string StatusCallbackMethod, IReadOnlyList<string> Events, int Timeout, bool MachineDetection = false);

/// <summary>Starts simulated calls (one executor task each) and passes events to them.</summary>
internal sealed class CallRunner(
    CallRegistry registry,
    TwimlExecutor executor,
    HubWebhookClient hub,
    TimeProvider time,
    IOptions<CarrierSimulatorOptions> options,
    IOptions<TwilioOptions> twilio) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>A simulated patient calls the hub's number.</summary>
    public SimulatedCall PlaceInbound(string from, string to)
    {
        var call = new SimulatedCall(Sids.New("CA"), twilio.Value.AccountSid, from, to, CallDirection.Inbound, time.GetUtcNow())
        {
            StatusCallback = hub.HubUrl(options.Value.VoiceStatusPath),
            StatusCallbackEvents = new HashSet<string>(options.Value.InboundStatusCallbackEvents, StringComparer.OrdinalIgnoreCase),
        };
        return Start(call);
    }

    /// <summary>The hub calls a number through the REST API.</summary>
    public SimulatedCall PlaceOutbound(OutboundCallRequest request)
    {
        var call = new SimulatedCall(Sids.New("CA"), twilio.Value.AccountSid, request.From, request.To, CallDirection.OutboundApi, time.GetUtcNow())
        {
            Url = request.Url,
            Method = request.Method,
            Twiml = request.Twiml,
            StatusCallback = request.StatusCallback,
            StatusCallbackMethod = request.StatusCallbackMethod,
            StatusCallbackEvents = new HashSet<string>(request.Events, StringComparer.OrdinalIgnoreCase),
            RingTimeout = request.Timeout,
            MachineDetection = request.MachineDetection,
        };
        return Start(call);
    }

    /// <summary>Hands an event to a live call; false when the call is unknown or over.</summary>
    public bool Send(string callSid, CallerEvent callerEvent) =>
        registry.Find(callSid) is { IsEnded: false } call && call.Events.Writer.TryWrite(callerEvent);

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private SimulatedCall Start(SimulatedCall call)
    {
        registry.Add(call);
        var token = _stopping.Token;
        _ = Task.Run(() => executor.RunAsync(call, token), CancellationToken.None);
        return call;
    }
}
