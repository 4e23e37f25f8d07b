using Ivr.Flows.Execution;

namespace CallCenter.Core.Ivr;

/// <summary>
/// What a caller did in the IVR, for the agent who takes the call: the flow, the language, the menu keys, the steps
/// entered and whether they proved who they are. Never what they typed to prove it. Kept beside the call's session
/// and brought up to date from each turn's <see cref="TurnEvent"/>s as the turn is stored.
/// </summary>
public sealed record IvrOutcome
{
    /// <summary>Steps kept; a caller going round a menu should not grow the row (or the screen-pop) forever.</summary>
    public const int MaxSteps = 100;

    public required string FlowId { get; init; }

    public required string Language { get; init; }

    /// <summary>The menu keys pressed (or said), in order.</summary>
    public IReadOnlyList<string> MenuPath { get; init; } = [];

    /// <summary>The ids of the steps entered, in order (the last <see cref="MaxSteps"/>).</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    public IvrVerification Verification { get; init; }

    /// <summary>
    /// The outcome after a turn: <paramref name="before"/> (null for a new session) with the turn's events, and the
    /// language and menu keys as the stored session now holds them.
    /// </summary>
    internal static IvrOutcome After(IvrOutcome? before, FlowSession session, IEnumerable<TurnEvent> events)
    {
        var steps = new List<string>(before?.Steps ?? []);
        var verification = before?.Verification ?? IvrVerification.NotAttempted;
        foreach (var turnEvent in events)
        {
            switch (turnEvent)
            {
                case StepEntered entered:
                    steps.Add(entered.Step);
                    break;
                case VerificationFailed when verification != IvrVerification.Verified:
                    verification = IvrVerification.Failed;
                    break;
            }
        }

        return new IvrOutcome
        {
            FlowId = session.FlowId,
            Language = session.Language,
            MenuPath = [.. session.MenuPath],
            Steps = steps.Count > MaxSteps ? steps.GetRange(steps.Count - MaxSteps, MaxSteps) : steps,
            // The session's own record of who the caller proved to be, set only by a verify step (or by the hub for a
            // call it placed to the number on record); a flow setting patient.verified itself does not count.
            Verification = session.PatientVerified ? IvrVerification.Verified : verification,
        };
    }
}
