using CallCenter.Api.Infrastructure;
using CallCenter.Core.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Patients;

/// <summary>Turns the patient services' refusals into ProblemDetails.</summary>
internal static class PatientProblems
{
    public static ValidationProblem Invalid(IReadOnlyList<FieldError> errors)
    {
        var problem = new FieldErrors();
        foreach (var error in errors)
        {
            problem.Add(error.Field, error.Reason);
        }

        return problem.ToProblem();
    }

    public static ProblemHttpResult MrnTaken(Guid? existingPatientId) =>
        Problems.Conflict(
            "Duplicate medical record number",
            $"Patient {existingPatientId} already has this MRN.",
            new Dictionary<string, object?> { ["field"] = "mrn", ["existingPatientId"] = existingPatientId });
}
