using CallCenter.Api.Infrastructure;
using CallCenter.Core.Patients;
using Microsoft.AspNetCore.Http.HttpResults;
using Notifications.Templates;

namespace CallCenter.Api.Outbox;

/// <summary>
/// Message templates per purpose, channel and language, for admins: list, read, create, replace, delete, and a
/// preview with sample values (SMS segments and encoding).
/// </summary>
internal static class NotificationTemplateEndpoints
{
    private const string KeyRoute = "/{purpose}/{channel}/{language}";

    public static void MapNotificationTemplateEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/notification-templates").WithTags("Notification templates").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync).WithSummary("Every template.");
        group.MapGet(KeyRoute, FindAsync).WithSummary("One template.");
        group.MapPost("/", CreateAsync).WithSummary("A new template (409 if the purpose, channel and language have one); unknown {{variables}} are refused by name.");
        group.MapPut(KeyRoute, ReplaceAsync).WithSummary("Create or replace the template of a purpose, channel and language.");
        group.MapDelete(KeyRoute, DeleteAsync).WithSummary("Remove a template (messages for it can then no longer be enqueued from it).");
        group.MapPost("/preview", PreviewAsync)
            .WithSummary("Render a template (the body given, or the stored one) with sample values; for SMS the segment count and encoding.");
    }

    private static async Task<Ok<IReadOnlyList<NotificationTemplate>>> ListAsync(TemplateService templates, CancellationToken cancellationToken) =>
        TypedResults.Ok(await templates.ListAsync(cancellationToken));

    private static async Task<Results<Ok<NotificationTemplate>, NotFound>> FindAsync(
        string purpose, string channel, string language, TemplateService templates, CancellationToken cancellationToken) =>
        await templates.FindAsync(purpose, channel, language, cancellationToken) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    private static async Task<Results<Created<NotificationTemplate>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TemplateInput input, TemplateService templates, HttpContext context, CancellationToken cancellationToken)
    {
        if (input is { Purpose: { } p, Channel: { } c, Language: { } l } && await templates.FindAsync(p.Trim(), c.Trim(), l.Trim(), cancellationToken) is not null)
        {
            return Problems.Conflict("Template exists", $"{p} {c} {l} has a template; replace it with PUT {KeyRoute}.");
        }

        var result = await templates.SaveAsync(context.User.ToActor(), input, cancellationToken);
        return result.Value is { } saved
            ? TypedResults.Created($"/api/notification-templates/{saved.Purpose}/{saved.Channel}/{saved.Language}", saved)
            : Invalid(result.Errors);
    }

    private static async Task<Results<Ok<NotificationTemplate>, ValidationProblem>> ReplaceAsync(
        string purpose, string channel, string language, TemplateBody input, TemplateService templates, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await templates.SaveAsync(context.User.ToActor(), new TemplateInput(purpose, channel, language, input?.Subject, input?.Body), cancellationToken);
        return result.Value is { } saved ? TypedResults.Ok(saved) : Invalid(result.Errors);
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(
        string purpose, string channel, string language, TemplateService templates, CancellationToken cancellationToken) =>
        await templates.DeleteAsync(purpose, channel, language, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<TemplatePreview>, NotFound, ValidationProblem>> PreviewAsync(
        TemplateInput input, TemplateService templates, CancellationToken cancellationToken)
    {
        var result = await templates.PreviewAsync(input, cancellationToken);
        return result switch
        {
            { NotFound: true } => TypedResults.NotFound(),
            { Value: { } preview } => TypedResults.Ok(preview),
            _ => Invalid(result.Errors),
        };
    }

    private static ValidationProblem Invalid(IReadOnlyList<FieldError> errors)
    {
        var problem = new FieldErrors();
        foreach (var error in errors)
        {
            problem.Add(error.Field, error.Reason);
        }

        return problem.ToProblem();
    }
}
