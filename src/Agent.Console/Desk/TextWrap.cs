namespace AgentConsole.Desk;

/// <summary>Breaks the desk's lines to a panel's width at spaces, so nothing the agent needs is cut off at 80 columns.</summary>
internal static class TextWrap
{
    public static IReadOnlyList<string> Lines(IEnumerable<string> lines, int width)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (width < 8)
        {
            return [.. lines];
        }

        var wrapped = new List<string>();
        foreach (var line in lines)
        {
            var rest = line;
            var indent = "";
            while (rest.Length > width - indent.Length)
            {
                var room = width - indent.Length;
                var cut = rest.LastIndexOf(' ', room);
                if (cut <= 0)
                {
                    cut = room;
                }

                wrapped.Add(indent + rest[..cut].TrimEnd());
                rest = rest[cut..].TrimStart();
                // Continuation lines are indented, so one item's lines read as one.
                indent = "  ";
            }

            wrapped.Add(indent + rest);
        }

        return wrapped;
    }
}
