namespace Carrier.Simulator.Calls;

/// <summary>How a simulated phone answers when the hub calls it or dials it.</summary>
internal enum FarEndAnswer
{
    Answer,
    Busy,
    NoAnswer,
    Failed,

    /// <summary>An answering machine picks up: answered, and machine detection (when asked for) says machine_start.</summary>
    Machine,
}
