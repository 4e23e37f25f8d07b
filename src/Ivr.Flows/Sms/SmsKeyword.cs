namespace Ivr.Flows.Sms;

/// <summary>What a consent keyword asks for.</summary>
public enum SmsKeyword
{
    None,
    OptOut,
    OptIn,
    Help,
}
