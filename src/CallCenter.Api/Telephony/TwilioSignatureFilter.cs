using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Signatures;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Telephony;

/// <summary>
/// The authentication of the <c>/twilio</c> routes: the request must carry Twilio's signature over the public URL
/// Twilio called and every form parameter. Anything else is 403 before a handler runs, so nothing changes.
/// </summary>
internal sealed partial class TwilioSignatureFilter(IOptions<TwilioOptions> options, ILogger<TwilioSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var twilio = options.Value;
        if (string.IsNullOrEmpty(twilio.AuthToken) || string.IsNullOrEmpty(twilio.PublicBaseUrl))
        {
            LogNotConfigured(logger, request.Path.Value ?? string.Empty);
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        IFormCollection? form;
        try
        {
            form = request.HasFormContentType ? await request.ReadFormAsync(context.HttpContext.RequestAborted) : null;
        }
        catch (InvalidDataException)
        {
            // A body that is not a readable form cannot be checked or used; it changes nothing either way.
            return Infrastructure.Problems.Field("form", "is not a readable form-encoded body");
        }

        var parameters = form is null
            ? []
            : form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList();

        // The public URL, not the request's own host: behind a proxy they differ, and Twilio signed the public one.
        var url = WebhookUrl.Combine(twilio.PublicBaseUrl, request.Path.ToUriComponent() + request.QueryString.ToUriComponent());
        var signature = request.Headers[TwilioWebhookHeaders.Signature].ToString();
        if (!new TwilioRequestValidator(twilio.AuthToken).IsValid(url, parameters, signature))
        {
            LogRejected(logger, request.Path.Value ?? string.Empty, signature.Length == 0);
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected Twilio webhook to {Path}: invalid signature (missing: {Missing})")]
    private static partial void LogRejected(ILogger logger, string path, bool missing);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rejected Twilio webhook to {Path}: Twilio:AuthToken or Twilio:PublicBaseUrl is not set")]
    private static partial void LogNotConfigured(ILogger logger, string path);
}
