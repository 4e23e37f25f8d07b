using AgentDesk.Contracts;

namespace AgentConsole.Desk;

/// <summary>The texts of the follow-up call list: a task's one-line label, and the lines the offer panel shows for the open one.</summary>
internal static class FollowUpText
{
    public static string Label(DeskModel model, DeskFollowUpTask task)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(task);
        var due = task.DueAt is { } at ? model.LocalTime(at) : "now";
        var tries = task.Attempts == 0 ? "" : $", tried {task.Attempts}x ({task.LastOutcome})";
        return $"{due} {task.Kind} {task.Number}{tries}{(task.Note is null ? "" : $": {task.Note}")}";
    }

    /// <summary>The heading shown above the open follow-up's screen-pop.</summary>
    public static string Header(DeskModel model, DeskFollowUpDetail followUp)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return $"FOLLOW-UP {followUp.Task.Kind} due {(followUp.Task.DueAt is { } at ? model.LocalTime(at) : "now")}  [F: dial / outcome]";
    }

    public static IEnumerable<string> Questions(DeskFollowUpDetail followUp)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return followUp.Questions.Count == 0
            ? ["No questionnaire: record the outcome and a note."]
            : followUp.Questions.Select((q, i) => $"Q{i + 1} {q.Text} {q.Hint}".TrimEnd());
    }
}
