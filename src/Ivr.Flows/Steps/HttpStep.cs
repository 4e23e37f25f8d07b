using System.Globalization;
using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;

namespace Ivr.Flows.Steps;

/// <summary>
/// Calls an HTTP endpoint configured in the hub (by name; flows hold no URLs or secrets) with fields filled from
/// variables, and stores the answer's fields as <c>&lt;saveAs&gt;.&lt;field&gt;</c> plus <c>&lt;saveAs&gt;.status</c>.
/// A timeout or a non-success answer takes <see cref="Failed"/>.
/// <code>
/// {"type": "http", "endpoint": "his", "fields": {"patient": "{patient.id}"}, "timeoutSeconds": 3,
///  "saveAs": "his", "next": "readOut", "failed": "agent"}
/// </code>
/// </summary>
[FlowStepType("http")]
public sealed class HttpStep : FlowStep
{
    /// <summary>Answer fields kept at most, and the longest value kept: the session is stored on every webhook.</summary>
    public const int MaxSavedFields = 32;

    public const int MaxSavedLength = 1000;

    /// <summary>The configured endpoint's name (Ivr:HttpEndpoints).</summary>
    public string? Endpoint { get; init; }

    /// <summary>Fields sent as a JSON object; values are texts with {variable} holes.</summary>
    public Dictionary<string, string> Fields { get; init; } = new(StringComparer.Ordinal);

    /// <summary>1-10 seconds (default 3): a caller hears silence while the hub waits.</summary>
    public int TimeoutSeconds { get; init; } = 3;

    /// <summary>Prefix of the variables the answer is stored in; <c>http.&lt;step id&gt;</c> when absent.</summary>
    public string? SaveAs { get; init; }

    public string? Next { get; init; }

    /// <summary>Where to go on a timeout or a non-success answer; the call ends when absent.</summary>
    public string? Failed { get; init; }

    public override IEnumerable<StepTransition> Transitions() => [new("next", Next), new("failed", Failed)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Required("endpoint", Endpoint))
        {
            context.KnownHttpEndpoint("endpoint", Endpoint);
        }

        context.Required("next", Next);
        context.Range("timeoutSeconds", TimeoutSeconds, 1, 10);
        if (!VariableNames.IsValid(Prefix))
        {
            context.Error("saveAs", SaveAs is null
                ? $"the step id '{Id}' does not make a variable prefix; set saveAs ({VariableNames.Rule})"
                : VariableNames.Rule);
        }

        foreach (var name in Fields.Keys.Where(n => string.IsNullOrWhiteSpace(n) || n.Length > 64))
        {
            context.Error($"fields.{name}", "a field name is 1 to 64 characters.");
        }
    }

    public override async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fields = Fields.ToDictionary(f => f.Key, f => (string?)Templates.Render(f.Value, context.Session.Variables), StringComparer.Ordinal);
        var result = await context.Services.Http.CallAsync(
            new HttpCallRequest(Endpoint!, fields, TimeSpan.FromSeconds(TimeoutSeconds)), cancellationToken);
        var prefix = Prefix;
        if (result.Succeeded)
        {
            foreach (var (name, value) in result.Fields.Where(f => IsSavable(prefix, f.Key, f.Value)).Take(MaxSavedFields))
            {
                context.Set($"{prefix}.{name}", FlowValue.From(value));
            }
        }

        // Set last, so an answer field called "status" cannot hide the HTTP status.
        context.Set($"{prefix}.status", result.StatusCode is { } code ? FlowValue.From(code) : FlowValue.Null);
        var status = result.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no answer";
        context.Trace("http", result.Succeeded ? $"{Endpoint}: {status}" : $"{Endpoint}: failed ({status})");
        return result.Succeeded ? StepOutcome.Next(Next, "ok") : StepOutcome.Next(Failed, "failed");
    }

    private string Prefix => SaveAs ?? $"http.{Id}";

    private static bool IsSavable(string prefix, string name, string? value) =>
        VariableNames.IsValid($"{prefix}.{name}") && !name.Contains('.', StringComparison.Ordinal) && (value?.Length ?? 0) <= MaxSavedLength;
}
