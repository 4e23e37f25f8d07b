namespace Ivr.Flows.Model;

/// <summary>What a flow answers: phone calls or text messages.</summary>
public enum FlowKind
{
    Voice,
    Sms,
}
