using System.Text;
using System.Threading.RateLimiting;
using CallCenter.Api.Callbacks;
using CallCenter.Api.Desk.Voice;
using CallCenter.Api.Surveys;
using CallCenter.Core.Callbacks;
using CallCenter.Api.Ivr;
using CallCenter.Api.Outbox;
using CallCenter.Core.Calls;
using CallCenter.Core.Desk.Voice;
using CallCenter.Core.Ivr;
using CallCenter.Core.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Twilio.Protocol.TwiML;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Telephony;

/// <summary>
/// The webhooks Twilio (or the simulator) calls. Stable URLs, pasted into Twilio's console (docs/telephony.md).
/// The signature is the authentication: no user signs in here.
/// </summary>
internal static partial class TwilioWebhookEndpoints
{
    public const string RateLimitPolicy = "twilio-webhooks";

    private const string XmlContentType = "text/xml";

    public static IServiceCollection AddTelephonyApi(this IServiceCollection services)
    {
        services.AddOptions<TelephonyOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IIncomingCallHandler, GreetingCallHandler>();
        services.AddRateLimiter(limiter => limiter.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = context.RequestServices.GetRequiredService<IOptions<TelephonyOptions>>().Value.WebhookPermitsPerMinute,
                Window = TimeSpan.FromMinutes(1),
            })));
        return services;
    }

    public static void MapTwilioWebhookEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/twilio")
            .WithTags("Twilio webhooks")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            // In this order, outermost first: the body's type and size, then its signature, then a database that is down.
            .AddEndpointFilter<TwilioBodyFilter>()
            .AddEndpointFilter<TwilioSignatureFilter>()
            .AddEndpointFilter<TwilioDatabaseDownFilter>();
        group.MapPost("/voice", VoiceAsync)
            .WithSummary("Twilio voice URL: an incoming call. Records it, answers TwiML.");
        group.MapPost("/voice/status", VoiceStatusAsync)
            .WithSummary("Twilio call status callback. Deduplicated, never moves a call backwards.");
        group.MapFlowWebhook();
        group.MapVoiceReminderWebhooks();
        group.MapDeskVoiceWebhooks();
        group.MapKeypadSurveyWebhooks();
        group.MapCallbackWebhooks();
        group.MapPost("/sms", SmsAsync)
            .WithSummary("Twilio messaging URL: an incoming SMS. Records it, runs the number's SMS flow, answers its replies (or nothing).");
        group.MapPost("/sms/status", SmsStatusAsync)
            .WithSummary("Twilio message status callback. Deduplicated, never moves a message backwards.");
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> VoiceAsync(
        HttpRequest request, CallService calls, IIncomingCallHandler handler, ILogger<CallService> logger, CancellationToken cancellationToken)
    {
        var parsed = VoiceRequest.Parse(await FormAsync(request, cancellationToken));
        if (parsed.Value is not { } voice)
        {
            return Invalid(logger, request, parsed.Errors);
        }

        var recorded = await calls.RecordIncomingAsync(voice.ToIncomingCall(), cancellationToken);
        LogIncomingCall(logger, voice.CallSid, recorded.Created, recorded.PatientId is not null);
        var answer = await handler.AnswerAsync(new IncomingCallContext(voice, recorded), cancellationToken);
        return Xml(answer);
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> VoiceStatusAsync(
        HttpRequest request, CallService calls, FlowRunner flows, IDeskCallEvents desk, CallbackAttempts callbacks, ILogger<CallService> logger, CancellationToken cancellationToken)
    {
        var form = await FormAsync(request, cancellationToken);
        var parsed = CallStatusCallback.Parse(form);
        if (parsed.Value is not { } callback)
        {
            return Invalid(logger, request, parsed.Errors);
        }

        var outcome = await calls.ApplyStatusAsync(callback.ToUpdate(IdempotencyToken(request)), cancellationToken);
        LogCallStatus(logger, callback.CallSid, CallStatuses.Names.ToWire(callback.CallStatus), outcome);
        if (callback.CallStatus.IsFinal())
        {
            await EndFlowAsync(flows, callback.CallSid, CallStatuses.Names.ToWire(callback.CallStatus), logger, cancellationToken);
            await EndDeskCallAsync(desk, callback.CallSid, logger, cancellationToken);
            await EndCallbackAttemptAsync(request, form, callback.CallStatus, callbacks, logger, cancellationToken);
        }

        return Twiml(new VoiceResponse());
    }

    // The status is stored whatever happens here: a failure to end the IVR session is logged, never a 500 to Twilio.
    private static async Task EndFlowAsync(FlowRunner flows, string callSid, string status, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await flows.EndCallAsync(callSid, status, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFlowEndFailed(logger, callSid, ex);
        }
    }

    // Likewise: an agent still on a call the caller left is released, but a failure there never fails the callback.
    private static async Task EndDeskCallAsync(IDeskCallEvents desk, string callSid, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await desk.CallOverAsync(callSid, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeskEndFailed(logger, callSid, ex);
        }
    }

    // A callback's dial carries its callback and attempt in the status URL (CallbackLinks.Status): its outcome is
    // recorded (retry, cap, follow-up). Likewise never a 500 to Twilio.
    private static async Task EndCallbackAttemptAsync(
        HttpRequest request, Twilio.Protocol.Webhooks.TwilioForm form, CallStatus status, CallbackAttempts callbacks, ILogger logger, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.Query["callback"], out var callbackId)
            || !int.TryParse(request.Query["attempt"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var attempt))
        {
            return;
        }

        try
        {
            await callbacks.DialEndedAsync(callbackId, attempt, status, form["AnsweredBy"], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCallbackEndFailed(logger, callbackId, ex);
        }
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> SmsAsync(
        HttpRequest request, MessageService messages, SmsFlowHandler flows, ILogger<MessageService> logger, CancellationToken cancellationToken)
    {
        var parsed = IncomingMessage.Parse(await FormAsync(request, cancellationToken));
        if (parsed.Value is not { } message)
        {
            return Invalid(logger, request, parsed.Errors);
        }

        var recorded = await messages.RecordIncomingAsync(message.ToIncomingSms(), cancellationToken);
        LogIncomingSms(logger, message.MessageSid, recorded.Created, recorded.PatientId is not null);
        try
        {
            return await flows.AnswerAsync(message, recorded.Created, cancellationToken) is { } answer ? Xml(answer) : Twiml(new MessagingResponse());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The message is recorded; the patient is answered by an agent rather than by a failing flow.
            LogSmsFlowFailed(logger, message.MessageSid, ex);
            return Twiml(new MessagingResponse());
        }
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> SmsStatusAsync(
        HttpRequest request, MessageService messages, ILogger<MessageService> logger, CancellationToken cancellationToken)
    {
        var parsed = MessageStatusCallback.Parse(await FormAsync(request, cancellationToken));
        if (parsed.Value is not { } callback)
        {
            return Invalid(logger, request, parsed.Errors);
        }

        var outcome = await messages.ApplyStatusAsync(callback.ToUpdate(IdempotencyToken(request)), cancellationToken);
        LogMessageStatus(logger, callback.MessageSid, WebhookNames.MessageStatus.ToWire(callback.MessageStatus), outcome);
        return Twiml(new MessagingResponse());
    }

    // The signature filter has already read the form; this is the buffered copy.
    private static async Task<TwilioForm> FormAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.HasFormContentType ? TwilioForm.From(await request.ReadFormAsync(cancellationToken)) : TwilioForm.From(Array.Empty<KeyValuePair<string, string>>());

    private static string? IdempotencyToken(HttpRequest request) =>
        request.Headers.TryGetValue(TwilioWebhookHeaders.IdempotencyToken, out var token) ? token.ToString() : null;

    private static ContentHttpResult Twiml(TwimlResponse response) => Xml(response.ToXml());

    /// <summary>A TwiML document as the answer to a webhook.</summary>
    public static ContentHttpResult Xml(string twiml) => TypedResults.Text(twiml, XmlContentType, Encoding.UTF8);

    // Signed but unreadable: a 400 naming the fields; the log names the fields only, never their values.
    private static ValidationProblem Invalid(ILogger logger, HttpRequest request, IReadOnlyList<WebhookFieldError> errors)
    {
        LogInvalid(logger, request.Path.Value ?? string.Empty, string.Join(", ", errors.Select(e => e.Field)));
        return TypedResults.ValidationProblem(errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray(), StringComparer.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio webhook to {Path} has invalid fields: {Fields}")]
    private static partial void LogInvalid(ILogger logger, string path, string fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incoming call {CallSid} (new: {Created}, patient identified: {Identified})")]
    private static partial void LogIncomingCall(ILogger logger, string callSid, bool created, bool identified);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallSid} is over but its IVR session could not be ended")]
    private static partial void LogFlowEndFailed(ILogger logger, string callSid, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallSid} is over but the desk's call could not be ended")]
    private static partial void LogDeskEndFailed(ILogger logger, string callSid, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording the outcome of callback {CallbackId} failed")]
    private static partial void LogCallbackEndFailed(ILogger logger, Guid callbackId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallSid} status {CallStatus}: {Outcome}")]
    private static partial void LogCallStatus(ILogger logger, string callSid, string callStatus, Core.Common.WebhookOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incoming SMS {MessageSid} (new: {Created}, patient identified: {Identified})")]
    private static partial void LogIncomingSms(ILogger logger, string messageSid, bool created, bool identified);

    [LoggerMessage(Level = LogLevel.Error, Message = "The SMS flow failed for message {MessageSid}; answered with no reply")]
    private static partial void LogSmsFlowFailed(ILogger logger, string messageSid, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageSid} status {MessageStatus}: {Outcome}")]
    private static partial void LogMessageStatus(ILogger logger, string messageSid, string messageStatus, Core.Common.WebhookOutcome outcome);
}
