namespace CallCenter.Core.Cases;

/// <summary>Where a case was opened.</summary>
public static class CaseSources
{
    /// <summary>An agent's complaint disposition at wrap-up.</summary>
    public const string Desk = "desk";

    /// <summary>A voicemail left in the IVR's complaints branch.</summary>
    public const string Ivr = "ivr";

    /// <summary>A low survey score (service recovery).</summary>
    public const string Survey = "survey";

    /// <summary>Staff through <c>/api/cases</c>.</summary>
    public const string Api = "api";

    public static readonly IReadOnlyList<string> All = [Desk, Ivr, Survey, Api];
}
