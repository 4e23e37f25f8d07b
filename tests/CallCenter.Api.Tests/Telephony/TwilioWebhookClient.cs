using CallCenter.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Signatures;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Tests.Telephony;

/// <summary>Posts webhooks to the hub as Twilio would: form-encoded, signed over the public URL and every field.</summary>
internal sealed class TwilioWebhookClient(ApiFactory hub)
{
    private readonly HttpClient _client = hub.CreateClient();

    public TwilioOptions Options => hub.Services.GetRequiredService<IOptions<TwilioOptions>>().Value;

    public static string Sid(string prefix) => prefix + Guid.NewGuid().ToString("N");

    public Task<HttpResponseMessage> PostAsync(string path, IReadOnlyList<KeyValuePair<string, string>> form, string? idempotencyToken = null) =>
        SendAsync(path, form, Sign(path, form), idempotencyToken);

    /// <summary>Posts <paramref name="sent"/> with the signature of <paramref name="signed"/> (null: no signature header).</summary>
    public async Task<HttpResponseMessage> SendAsync(
        string path, IReadOnlyList<KeyValuePair<string, string>> sent, string? signature, string? idempotencyToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(sent) };
        if (signature is not null)
        {
            request.Headers.Add(TwilioWebhookHeaders.Signature, signature);
        }

        if (idempotencyToken is not null)
        {
            request.Headers.Add(TwilioWebhookHeaders.IdempotencyToken, idempotencyToken);
        }

        return await _client.SendAsync(request);
    }

    public string Sign(string path, IReadOnlyList<KeyValuePair<string, string>> form) =>
        TwilioSignature.SignForm(Options.AuthToken, WebhookUrl.Combine(Options.PublicBaseUrl!, path), form);

    public IReadOnlyList<KeyValuePair<string, string>> Voice(string callSid, string from) => new VoiceRequest
    {
        CallSid = callSid,
        AccountSid = Options.AccountSid,
        From = from,
        To = "+861012345678",
        CallStatus = CallStatus.Ringing,
        Direction = CallDirection.Inbound,
        ApiVersion = "2010-04-01",
    }.ToForm();

    public IReadOnlyList<KeyValuePair<string, string>> CallStatusForm(string callSid, CallStatus status, int sequence, int? duration = null) => new CallStatusCallback
    {
        CallSid = callSid,
        AccountSid = Options.AccountSid,
        CallStatus = status,
        SequenceNumber = sequence,
        CallDuration = duration,
        CallbackSource = "call-progress-events",
        Direction = CallDirection.Inbound,
    }.ToForm();

    public IReadOnlyList<KeyValuePair<string, string>> Sms(string messageSid, string from, string body) => new IncomingMessage
    {
        MessageSid = messageSid,
        AccountSid = Options.AccountSid,
        From = from,
        To = "+861012345678",
        Body = body,
        NumSegments = 1,
    }.ToForm();

    public IReadOnlyList<KeyValuePair<string, string>> SmsStatus(string messageSid, MessageStatus status, int? errorCode = null) => new MessageStatusCallback
    {
        MessageSid = messageSid,
        AccountSid = Options.AccountSid,
        MessageStatus = status,
        ErrorCode = errorCode,
    }.ToForm();
}
