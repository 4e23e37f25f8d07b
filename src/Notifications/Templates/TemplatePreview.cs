using Twilio.Protocol.Sms;

namespace Notifications.Templates;

/// <summary>A template rendered with sample values; for SMS, the segments it costs and the encoding (gsm7 or ucs2).</summary>
public sealed record TemplatePreview(string? Subject, string Body, IReadOnlyDictionary<string, string> Samples, int? Segments, SmsEncoding? Encoding, int? Characters);
