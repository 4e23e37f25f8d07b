namespace Twilio.Protocol.Webhooks;

/// <summary>
/// A parsed webhook: the payload when every field could be read, otherwise the errors, one per field. Parsing
/// never throws for bad input.
/// </summary>
public sealed class WebhookParseResult<T>
    where T : class
{
    private WebhookParseResult(T? value, IReadOnlyList<WebhookFieldError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<WebhookFieldError> Errors { get; }

    public bool IsValid => Value is not null;

    internal static WebhookParseResult<T> From(FormReader reader, Func<T> build) =>
        reader.Errors.Count == 0 ? new(build(), []) : new(null, reader.Errors);

    /// <summary>The payload, or an exception listing every field error (for callers that already checked the signature and expect a well-formed request).</summary>
    public T GetValueOrThrow() =>
        Value ?? throw new FormatException("Twilio webhook fields are invalid: " + string.Join("; ", Errors));
}
