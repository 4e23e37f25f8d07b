namespace Notifications.Templates;

/// <summary>A template operation's answer: the value, or the bad fields (each with its reason), or not found.</summary>
public sealed record TemplateResult<T>(T? Value, IReadOnlyList<CallCenter.Core.Patients.FieldError> Errors, bool NotFound = false)
{
    public bool IsValid => Errors.Count == 0 && !NotFound;
}
