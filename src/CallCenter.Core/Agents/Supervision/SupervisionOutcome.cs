namespace CallCenter.Core.Agents.Supervision;

public enum SupervisionOutcome
{
    Applied,

    /// <summary>Bad input (400): <see cref="SupervisionResult.Field"/> names it.</summary>
    Invalid,

    /// <summary>No such agent (404): no account, or a wallboard account, which never works calls.</summary>
    NotFound,

    /// <summary>The agent's state does not allow it now (409): on a call, an offer ringing, already offline.</summary>
    Refused,

    /// <summary>The agent's state changed between the read and the write (409); read again.</summary>
    Conflict,
}
