namespace Ivr.Flows.Validation;

/// <summary>
/// One thing wrong with a flow file: the file, the step (null for the flow's own fields), the field, and why.
/// Reads as <c>hotline.json: step 'menu', field 'options.9': unknown step 'nowhere'</c>.
/// </summary>
public sealed record FlowError(string File, string? StepId, string Field, string Reason)
{
    public override string ToString() => StepId is null
        ? $"{File}: field '{Field}': {Reason}"
        : $"{File}: step '{StepId}', field '{Field}': {Reason}";
}
