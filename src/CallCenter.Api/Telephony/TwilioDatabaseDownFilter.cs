using CallCenter.Core.Ivr;

namespace CallCenter.Api.Telephony;

/// <summary>
/// The innermost gate of the <c>/twilio</c> routes: when the database cannot be reached, a caller hears an apology
/// in Mandarin and English and is hung up on (200, TwiML) instead of Twilio's "an application error has occurred",
/// and an SMS webhook answers 503 so that Twilio's debugger shows it and the number's SMS fallback URL takes over.
/// Any other exception is a bug and goes on to the error handler (500, logged) unchanged.
/// </summary>
internal sealed partial class TwilioDatabaseDownFilter(ILogger<TwilioDatabaseDownFilter> logger) : IEndpointFilter
{
    public const string MessagingPrefix = "/twilio/sms";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && DatabaseUnavailable.Is(ex))
        {
            var request = context.HttpContext.Request;
            var path = request.Path.Value ?? string.Empty;
            if (request.Path.StartsWithSegments(MessagingPrefix, StringComparison.OrdinalIgnoreCase))
            {
                LogDatabaseDown(logger, path, ex.GetType().Name, "503", ex);
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return TypedResults.Problem(
                    title: "Database unavailable",
                    detail: "The hub cannot reach its database; the message was not recorded.",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            LogDatabaseDown(logger, path, ex.GetType().Name, "apology", ex);
            return TwilioWebhookEndpoints.Xml(FlowApology.Voice());
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Twilio webhook to {Path} failed: the database is unreachable ({ExceptionType}); answered {Answer}")]
    private static partial void LogDatabaseDown(ILogger logger, string path, string exceptionType, string answer, Exception exception);
}
