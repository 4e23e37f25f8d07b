
namespace Twilio.Protocol.Webhooks;

/// <summary>A media attachment of an incoming MMS.</summary>
public sealed record MessageMedia(string Url, string? ContentType);
