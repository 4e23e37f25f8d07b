using CallCenter.Core.Accounts;
using CallCenter.Core.Patients;
using Notifications.Outbox;
using Twilio.Protocol.Sms;

namespace Notifications.Templates;

/// <summary>
/// Admins' templates: checked before they are stored (known purpose, channel and language; only the purpose's
/// variables, an unknown one refused by name; a subject for email only), and previewed with sample values, with the
/// SMS segment count and encoding.
/// </summary>
public sealed class TemplateService(ITemplateRepository store, SmsSegmentCalculator segments, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en-US"];

    public const int MaxSmsLength = 1600;
    public const int MaxBodyLength = 20_000;
    public const int MaxSubjectLength = 300;

    public Task<IReadOnlyList<NotificationTemplate>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

    public Task<NotificationTemplate?> FindAsync(string purpose, string channel, string language, CancellationToken cancellationToken = default) =>
        store.FindAsync(purpose, channel, language, cancellationToken);

    /// <summary>Creates or replaces the template of the input's purpose, channel and language.</summary>
    public async Task<TemplateResult<NotificationTemplate>> SaveAsync(Actor actor, TemplateInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var errors = Validate(input, bodyRequired: true);
        if (errors.Count > 0)
        {
            return new TemplateResult<NotificationTemplate>(null, errors);
        }

        var template = new NotificationTemplate
        {
            Purpose = input.Purpose!.Trim(),
            Channel = input.Channel!.Trim(),
            Language = input.Language!.Trim(),
            Subject = string.IsNullOrWhiteSpace(input.Subject) ? null : input.Subject.Trim(),
            Body = input.Body!,
            UpdatedAt = time.GetUtcNow().UtcDateTime,
            UpdatedByUserId = actor.UserId == Guid.Empty ? null : actor.UserId,
        };
        await store.SaveAsync(template, cancellationToken);
        return new TemplateResult<NotificationTemplate>(template, []);
    }

    public Task<bool> DeleteAsync(string purpose, string channel, string language, CancellationToken cancellationToken = default) =>
        store.DeleteAsync(purpose, channel, language, cancellationToken);

    /// <summary>
    /// Renders the given text (or, without a body, the stored template) with the purpose's sample values in the
    /// language; checked as a save would be.
    /// </summary>
    public async Task<TemplateResult<TemplatePreview>> PreviewAsync(TemplateInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = Validate(input, bodyRequired: false);
        if (errors.Count > 0)
        {
            return new TemplateResult<TemplatePreview>(null, errors);
        }

        var (purpose, channel, language) = (input.Purpose!.Trim(), input.Channel!.Trim(), input.Language!.Trim());
        var subject = input.Subject;
        var body = input.Body;
        if (body is null)
        {
            if (await store.FindAsync(purpose, channel, language, cancellationToken) is not { } stored)
            {
                return new TemplateResult<TemplatePreview>(null, [], NotFound: true);
            }

            (subject, body) = (stored.Subject, stored.Body);
        }

        var samples = TemplateVariables.SamplesFor(language);
        var renderedBody = TemplateText.Render(body, samples);
        var renderedSubject = subject is null ? null : TemplateText.Render(subject, samples);
        var cost = channel == NotificationChannels.Sms ? segments.Calculate(renderedBody) : null;
        var used = TemplateText.Variables(body).Concat(subject is null ? [] : TemplateText.Variables(subject))
            .Distinct(StringComparer.Ordinal).ToDictionary(name => name, name => samples[name], StringComparer.Ordinal);
        return new TemplateResult<TemplatePreview>(new TemplatePreview(renderedSubject, renderedBody, used, cost?.Segments, cost?.Encoding, cost?.Characters), []);
    }

    /// <summary>The field errors of a template input; empty when it may be stored.</summary>
    public static IReadOnlyList<FieldError> Validate(TemplateInput input, bool bodyRequired)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var purpose = input.Purpose?.Trim();
        if (purpose is null || !NotificationPurposes.All.Contains(purpose))
        {
            errors.Add(new FieldError("purpose", $"must be one of {string.Join(", ", NotificationPurposes.All)}"));
        }

        var channel = input.Channel?.Trim();
        if (channel is null || !NotificationChannels.All.Contains(channel))
        {
            errors.Add(new FieldError("channel", $"must be one of {string.Join(", ", NotificationChannels.All)}"));
        }

        if (input.Language?.Trim() is not { } language || !Languages.Contains(language))
        {
            errors.Add(new FieldError("language", $"must be one of {string.Join(", ", Languages)}"));
        }

        var allowed = purpose is null ? [] : TemplateVariables.For(purpose);
        if (input.Body is null or { Length: 0 } || string.IsNullOrWhiteSpace(input.Body))
        {
            if (bodyRequired || input.Body is not null)
            {
                errors.Add(new FieldError("body", "is required"));
            }
        }
        else
        {
            var max = channel == NotificationChannels.Sms ? MaxSmsLength : MaxBodyLength;
            if (input.Body.Length > max)
            {
                errors.Add(new FieldError("body", $"must be at most {max} characters"));
            }

            CheckHoles(errors, "body", input.Body, purpose, allowed);
        }

        if (!string.IsNullOrWhiteSpace(input.Subject))
        {
            if (channel is not null && channel != NotificationChannels.Email)
            {
                errors.Add(new FieldError("subject", "only email templates have a subject"));
            }
            else if (input.Subject.Length > MaxSubjectLength)
            {
                errors.Add(new FieldError("subject", $"must be at most {MaxSubjectLength} characters"));
            }
            else
            {
                CheckHoles(errors, "subject", input.Subject, purpose, allowed);
            }
        }
        else if (channel == NotificationChannels.Email && bodyRequired)
        {
            errors.Add(new FieldError("subject", "is required for email"));
        }

        return errors;
    }

    private static void CheckHoles(List<FieldError> errors, string field, string text, string? purpose, IReadOnlyList<string> allowed)
    {
        if (TemplateText.Malformed(text) is { } malformed)
        {
            errors.Add(new FieldError(field, malformed));
        }

        if (purpose is null || allowed.Count == 0)
        {
            return;
        }

        foreach (var unknown in TemplateText.Variables(text).Where(v => !allowed.Contains(v, StringComparer.Ordinal)))
        {
            errors.Add(new FieldError(field, $"unknown variable '{unknown}'; {purpose} allows {string.Join(", ", allowed)}"));
        }
    }
}
