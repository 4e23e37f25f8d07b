using CallCenter.Api.Telephony;
using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Values;

namespace CallCenter.Api.Ivr;

/// <summary>
/// Answers an incoming call with the flow bound to the dialled number (else the <c>*</c> flow, else the plain
/// greeting). A repeated voice webhook for a call already in a flow gets the answer it got the first time.
/// </summary>
internal sealed partial class FlowCallHandler(FlowRegistry registry, FlowRunner runner, ILogger<FlowCallHandler> logger) : IIncomingCallHandler
{
    private readonly GreetingCallHandler _greeting = new();

    public async Task<string> AnswerAsync(IncomingCallContext call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var request = call.Request;
        if (await runner.FindAsync(request.CallSid, cancellationToken) is { } existing)
        {
            return FlowRunner.LastResponse(existing) ?? FlowApology.Voice();
        }

        if (registry.Current.Find(FlowKind.Voice, request.To) is not { } flow)
        {
            LogNoFlow(logger, request.CallSid);
            return await _greeting.AnswerAsync(call, cancellationToken);
        }

        var variables = new Dictionary<string, FlowValue>(StringComparer.Ordinal)
        {
            [FlowVariables.CallSid] = FlowValue.From(request.CallSid),
            [FlowVariables.From] = FlowValue.From(request.From),
            [FlowVariables.To] = FlowValue.From(request.To),
        };
        return await runner.StartAsync(flow, new FlowStart(request.CallSid, variables), replacing: null, cancellationToken)
            ?? FlowApology.Voice();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No voice flow answers the number of call {CallSid}: answering with the greeting")]
    private static partial void LogNoFlow(ILogger logger, string callSid);
}
