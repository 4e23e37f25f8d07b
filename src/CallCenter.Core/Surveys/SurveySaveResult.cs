using CallCenter.Core.Patients;

namespace CallCenter.Core.Surveys;

public sealed record SurveySaveResult(SurveySaveOutcome Outcome, SurveyDefinition? Definition = null, IReadOnlyList<FieldError>? Errors = null);
