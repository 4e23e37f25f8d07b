namespace Ivr.Flows.Execution;

/// <summary>Raised into the engine's error path when a step needing a verified caller is reached without one.</summary>
public sealed class CallerNotVerifiedException : InvalidOperationException
{
    public CallerNotVerifiedException()
    {
    }

    public CallerNotVerifiedException(string step)
        : base($"Step '{step}' discloses or changes patient data and the caller is not verified as the patient; refused.")
    {
    }

    public CallerNotVerifiedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
