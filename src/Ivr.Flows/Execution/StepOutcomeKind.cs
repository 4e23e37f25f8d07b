namespace Ivr.Flows.Execution;

public enum StepOutcomeKind
{
    Next,
    Wait,
    End,
}
