using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Values;
using Microsoft.Extensions.Logging;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Core.Ivr;

/// <summary>
/// Answers an incoming call with the flow bound to the dialled number (else the <c>*</c> flow). A repeated voice
/// webhook for a call already in a flow gets the answer it got the first time. The host answers calls no flow
/// takes (its plain greeting), so this handler knows nothing of how the host answers calls otherwise.
/// </summary>
public sealed partial class FlowCallHandler(FlowRegistry registry, FlowRunner runner, ILogger<FlowCallHandler> logger)
{
    /// <summary>The TwiML to answer with; null when no voice flow answers the dialled number.</summary>
    public async Task<string?> AnswerAsync(VoiceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await runner.FindAsync(request.CallSid, cancellationToken) is { } existing)
        {
            return FlowRunner.LastResponse(existing) ?? FlowApology.Voice();
        }

        if (registry.Current.Find(FlowKind.Voice, request.To) is not { } flow)
        {
            LogNoFlow(logger, request.CallSid);
            return null;
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
