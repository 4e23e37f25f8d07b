namespace AgentConsole.Desk;

internal sealed partial class DeskModel
{
    /// <summary>The complaint case's choices, as the desk last read them.</summary>
    public ComplaintChoices Complaints { get; private set; } = ComplaintChoices.None;
}
