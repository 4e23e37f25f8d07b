namespace CallCenter.Core.Desk.Voice;

/// <summary>A change of a desk call: the row before, and after (null when nothing was changed).</summary>
public sealed record DeskCallChange(DeskCallRow? Before, DeskCallRow? After)
{
    public bool Changed => After is not null;
}
