using CallCenter.Api.Telephony;
using CallCenter.Core.Ivr;

namespace CallCenter.Api.Ivr;

/// <summary>The voice webhook's answer: the flow bound to the dialled number, else the host's plain greeting.</summary>
internal sealed class FlowIncomingCalls(FlowCallHandler flows) : IIncomingCallHandler
{
    private readonly GreetingCallHandler _greeting = new();

    public async Task<string> AnswerAsync(IncomingCallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return await flows.AnswerAsync(call.Request, cancellationToken) ?? await _greeting.AnswerAsync(call, cancellationToken);
    }
}
