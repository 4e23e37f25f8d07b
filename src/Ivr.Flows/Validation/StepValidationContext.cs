using Ivr.Flows.Model;

namespace Ivr.Flows.Validation;

/// <summary>What a step's own validation sees: the flow, what exists outside it, and where to report errors.</summary>
public sealed class StepValidationContext
{
    private readonly List<FlowError> _errors;

    internal StepValidationContext(string file, FlowDefinition flow, FlowCatalog catalog, List<FlowError> errors)
    {
        File = file;
        Flow = flow;
        Catalog = catalog;
        _errors = errors;
    }

    public string File { get; }

    public FlowDefinition Flow { get; }

    public FlowCatalog Catalog { get; }

    /// <summary>The step being validated (set by the validator).</summary>
    public FlowStep Step { get; internal set; } = null!;

    public void Error(string field, string reason) => _errors.Add(new FlowError(File, Step.Id, field, reason));

    /// <summary>Reports <paramref name="field"/> when it is null or blank.</summary>
    public bool Required(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        Error(field, "is required.");
        return false;
    }

    /// <summary>Reports <paramref name="value"/> outside [min, max].</summary>
    public void Range(string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Error(field, $"must be between {min} and {max} (is {v}).");
        }
    }

    public void KnownQueue(string field, string? queue)
    {
        if (queue is not null && Catalog.Queues is { } queues && !queues.Contains(queue))
        {
            Error(field, $"unknown queue '{queue}'; known queues: {string.Join(", ", queues.Order(StringComparer.Ordinal))}.");
        }
    }

    public void KnownDepartment(string field, string? department)
    {
        if (department is not null && Catalog.Departments is { } departments && !departments.Contains(department))
        {
            Error(field, $"unknown department '{department}'; known departments: {string.Join(", ", departments.Order(StringComparer.Ordinal))}.");
        }
    }

    public void KnownHttpEndpoint(string field, string? endpoint)
    {
        if (endpoint is not null && Catalog.HttpEndpoints is { } endpoints && !endpoints.Contains(endpoint))
        {
            Error(field, endpoints.Count == 0
                ? $"unknown HTTP endpoint '{endpoint}': none is configured (Ivr:HttpEndpoints)."
                : $"unknown HTTP endpoint '{endpoint}'; configured: {string.Join(", ", endpoints.Order(StringComparer.Ordinal))}.");
        }
    }
}
