
namespace CallCenter.Core.Scheduling;

public enum TransitionOutcome
{
    Done,
    NotFound,
    NotAllowed,
}
