using System.Text.Json.Serialization;

namespace CallCenter.Core.Surveys;

/// <summary>
/// When a survey is sent: after a desk call of <see cref="Queue"/>, <see cref="DelayHours"/> after a visit of
/// <see cref="DepartmentId"/> (null: any department) is completed, or after a follow-up call. A desk-call trigger's
/// <see cref="Channel"/> says how (<see cref="SurveyChannels"/>): an SMS after wrap-up, or the keypad on the call.
/// </summary>
public sealed record SurveyTrigger(string Kind, string? Queue = null, Guid? DepartmentId = null, int DelayHours = 0, string? Channel = null)
{
    /// <summary>The channel, SMS when none was set (triggers stored before there was a choice).</summary>
    [JsonIgnore]
    public string ChannelOrDefault => Channel ?? SurveyChannels.Sms;
}
