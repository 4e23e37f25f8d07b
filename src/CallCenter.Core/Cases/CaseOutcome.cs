namespace CallCenter.Core.Cases;

public enum CaseOutcome
{
    Ok,
    NotFound,
    Invalid,

    /// <summary>The move is not allowed from the case's status, or the case changed meanwhile.</summary>
    Conflict,
}
