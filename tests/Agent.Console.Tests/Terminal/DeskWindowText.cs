using AgentConsole.Ui;

namespace Agent.Console.Tests.Terminal;

/// <summary>Text the desk always shows, to know it is on screen.</summary>
internal static class DeskWindowText
{
    public static string HotkeysStart => DeskWindow.HotkeyLine1[..20];
}
