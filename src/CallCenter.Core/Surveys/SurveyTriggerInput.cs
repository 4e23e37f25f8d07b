namespace CallCenter.Core.Surveys;

/// <summary>A trigger as sent (<see cref="SurveyTrigger"/>).</summary>
public sealed record SurveyTriggerInput
{
    public string? Kind { get; init; }
    public string? Queue { get; init; }
    public Guid? DepartmentId { get; init; }
    public int? DelayHours { get; init; }

    /// <summary>For desk-call triggers: <c>sms</c> (default) or <c>keypad</c>.</summary>
    public string? Channel { get; init; }
}
