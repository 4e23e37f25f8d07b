namespace CallCenter.Core.Surveys;

/// <summary>
/// When a survey is sent: after a desk call of <see cref="Queue"/>, <see cref="DelayHours"/> after a visit of
/// <see cref="DepartmentId"/> (null: any department) is completed, or after a follow-up call.
/// </summary>
public sealed record SurveyTrigger(string Kind, string? Queue = null, Guid? DepartmentId = null, int DelayHours = 0);
