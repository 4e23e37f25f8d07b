namespace CallCenter.Api.Outbox;

/// <summary>The text of a template addressed by its route (purpose, channel, language).</summary>
internal sealed record TemplateBody(string? Subject, string? Body);
