namespace Ivr.Flows.Model;

/// <summary>The <c>type</c> name a step class is written with in a flow file (<c>"type": "gather"</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FlowStepTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>The flow kinds the step may appear in; both when not set.</summary>
    public FlowKind[] Kinds { get; init; } = [FlowKind.Voice, FlowKind.Sms];
}
