namespace Notifications.Templates;

/// <summary>A message text for one purpose, channel and language; <see cref="Subject"/> for email only.</summary>
public sealed record NotificationTemplate
{
    public required string Purpose { get; init; }
    public required string Channel { get; init; }
    public required string Language { get; init; }
    public string? Subject { get; init; }
    public required string Body { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public Guid? UpdatedByUserId { get; init; }
}
