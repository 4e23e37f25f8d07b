using CallCenter.Api.Telephony;
using CallCenter.Core.Ivr;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Ivr;

/// <summary>
/// The flow webhook: every action URL the engine renders (gather, record, dial, enqueue, hold) comes back here.
/// Mapped inside the Twilio route group, so the signature filter (over the full URL, query string included) and
/// the rate limit apply. Always answers TwiML: a fault or an unknown call gets an apology and a hang-up.
/// </summary>
internal static partial class FlowWebhookEndpoints
{
    public static void MapFlowWebhook(this RouteGroupBuilder twilio)
    {
        twilio.MapPost("/voice/flow", FlowAsync)
            .WithSummary("Twilio action URL of IVR flows (?event=&step=&turn=): continues the call's flow, answers TwiML.");
    }

    private static async Task<ContentHttpResult> FlowAsync(
        HttpRequest request,
        [FromQuery(Name = "event")] string? eventName,
        [FromQuery] string? step,
        [FromQuery] string? turn,
        FlowRunner runner,
        ILogger<FlowRunner> logger,
        CancellationToken cancellationToken)
    {
        try
        {
            var form = request.HasFormContentType
                ? TwilioForm.From(await request.ReadFormAsync(cancellationToken))
                : TwilioForm.From(Array.Empty<KeyValuePair<string, string>>());
            return TwilioWebhookEndpoints.Xml(await AnswerAsync(form, eventName, step, turn, runner, logger, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
            return TwilioWebhookEndpoints.Xml(FlowApology.Voice());
        }
    }

    private static async Task<string> AnswerAsync(
        TwilioForm form, string? eventName, string? step, string? turn, FlowRunner runner, ILogger logger, CancellationToken cancellationToken)
    {
        var callSid = form["CallSid"];
        if (string.IsNullOrEmpty(callSid))
        {
            LogNoCall(logger, "no CallSid");
            return FlowApology.Voice();
        }

        if (FlowInputs.Voice(eventName, step, turn, form) is not { } input)
        {
            LogNoCall(logger, "unknown event");
            return FlowApology.Voice();
        }

        return await runner.ContinueCallAsync(callSid, input, cancellationToken) ?? FlowApology.Voice();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flow webhook refused: {Reason}; answering with an apology")]
    private static partial void LogNoCall(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Flow webhook failed; answering with an apology")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
