namespace CallCenter.Core.Callbacks;

/// <summary>Counts of one dial check (<see cref="CallbackDialChecks"/>).</summary>
public sealed class CallbackCheckResult
{
    /// <summary>Attempts ended with the final status the carrier reported.</summary>
    public int Ended { get; set; }

    /// <summary>Attempts whose call the carrier does not know: ended as failed, retried by the rules.</summary>
    public int Unknown { get; set; }

    /// <summary>Calls the carrier says are still going: looked at again later.</summary>
    public int StillGoing { get; set; }

    /// <summary>Dials the carrier could not be asked about (it refused or did not answer): looked at again next time.</summary>
    public int Unanswered { get; set; }

    public override string ToString() => $"ended {Ended}, unknown to the carrier {Unknown}, still going {StillGoing}, carrier unanswered {Unanswered}";
}
