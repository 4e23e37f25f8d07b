namespace Carrier.Simulator.Calls;

/// <summary>How a simulated phone answers when the hub calls it or dials it.</summary>
internal enum FarEndAnswer
{
    Answer,
    Busy,
    NoAnswer,
    Failed,

    /// <summary>An answering machine picks up (AnsweredBy machine_start when the call asked for MachineDetection).</summary>
    Machine,
}
