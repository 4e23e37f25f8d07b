namespace CallCenter.Core.Patients;

/// <summary>What a patient operation came to: a value, or why not.</summary>
public sealed record PatientResult<T>
{
    public required PatientOutcome Outcome { get; init; }
    public T? Value { get; init; }
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
    public Guid? ExistingPatientId { get; init; }
}

/// <summary>Builds <see cref="PatientResult{T}"/> values.</summary>
public static class PatientResult
{
    public static PatientResult<T> Ok<T>(T value) => new() { Outcome = PatientOutcome.Ok, Value = value };

    public static PatientResult<T> NotFound<T>() => new() { Outcome = PatientOutcome.NotFound };

    public static PatientResult<T> Invalid<T>(IReadOnlyList<FieldError> errors) => new() { Outcome = PatientOutcome.Invalid, Errors = errors };

    public static PatientResult<T> Invalid<T>(string field, string reason) => Invalid<T>([new FieldError(field, reason)]);

    public static PatientResult<T> MrnTaken<T>(Guid existing) => new() { Outcome = PatientOutcome.MrnTaken, ExistingPatientId = existing };
}
