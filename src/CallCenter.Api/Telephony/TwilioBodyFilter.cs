using System.Buffers;
using Microsoft.Net.Http.Headers;

namespace CallCenter.Api.Telephony;

/// <summary>
/// The first gate of the <c>/twilio</c> routes, before the signature is computed: Twilio posts small
/// <c>application/x-www-form-urlencoded</c> bodies, so anything else is refused unread (415), and a body over
/// <see cref="MaxBodyBytes"/> is refused having read at most one byte past the limit (413). Either way nothing changes.
/// </summary>
internal sealed partial class TwilioBodyFilter(ILogger<TwilioBodyFilter> logger) : IEndpointFilter
{
    /// <summary>64 KB: a Twilio webhook is a few kilobytes even with a long SMS body and every optional field.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public const string FormContentType = "application/x-www-form-urlencoded";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var path = request.Path.Value ?? string.Empty;
        if (!IsForm(request.ContentType))
        {
            LogRefused(logger, path, "content type");
            return TypedResults.Problem(
                title: "Unsupported webhook body",
                detail: $"A Twilio webhook's body must be {FormContentType}.",
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                extensions: new Dictionary<string, object?> { ["field"] = "Content-Type" });
        }

        if (request.ContentLength > MaxBodyBytes || await BufferAsync(request, context.HttpContext.RequestAborted) is not { } body)
        {
            LogRefused(logger, path, "size");
            return TypedResults.Problem(
                title: "Webhook body too large",
                detail: $"A Twilio webhook's body may be at most {MaxBodyBytes} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                extensions: new Dictionary<string, object?> { ["field"] = "body" });
        }

        // The signature filter and the handlers read the form from this copy; the limit holds whatever the server's own.
        request.Body = body;
        request.ContentLength = body.Length;
        context.HttpContext.Response.RegisterForDispose(body);
        return await next(context);
    }

    private static bool IsForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, FormContentType, StringComparison.OrdinalIgnoreCase);

    // Reads at most MaxBodyBytes + 1 bytes: enough to know the body is too large without holding more of it.
    private static async Task<MemoryStream?> BufferAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var total = 0;
            int read;
            while (total <= MaxBodyBytes
                && (read = await request.Body.ReadAsync(buffer.AsMemory(total, MaxBodyBytes + 1 - total), cancellationToken)) > 0)
            {
                total += read;
            }

            return total > MaxBodyBytes ? null : new MemoryStream(buffer.AsSpan(0, total).ToArray(), writable: false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused Twilio webhook to {Path}: its body's {Reason} is not what Twilio sends")]
    private static partial void LogRefused(ILogger logger, string path, string reason);
}
