namespace CallCenter.Core.Surveys;

public enum SurveySaveOutcome
{
    Saved,
    Invalid,
    NotFound,

    /// <summary>The key exists (create) or another edit made the same version first (edit).</summary>
    Conflict,
}
