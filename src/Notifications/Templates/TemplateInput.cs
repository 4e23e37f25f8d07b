namespace Notifications.Templates;

/// <summary>A template as an admin writes it (every field checked, each error naming its field).</summary>
public sealed record TemplateInput(string? Purpose, string? Channel, string? Language, string? Subject, string? Body);
