namespace Notifications.Channels.Email;

/// <summary>A file sent with an email, e.g. the daily report's CSV (<c>text/csv</c>).</summary>
internal sealed record EmailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
