using System.Globalization;
using AgentConsole.Desk;
using AgentDesk.Contracts;

namespace AgentConsole.Ui;

/// <summary>
/// F: the follow-up call list. With no task open it lists the agent's tasks (due first) to open one; with one open it
/// dials the patient (the agent's phone rings first), records the outcome with the questionnaire's answers and, when
/// the patient was not reached, the next attempt's time; or goes back to the list.
/// </summary>
internal sealed partial class DeskActions
{
    private const string DialChoice = "Dial the patient";
    private const string OutcomeChoice = "Record the outcome";
    private const string ListChoice = "Back to the call list";
    private const string CloseChoice = "Close the task";
    private static readonly string[] FollowUpChoices = [DialChoice, OutcomeChoice, ListChoice, CloseChoice];

    public void FollowUps()
    {
        if (model.FollowUp is not { } open)
        {
            ReadFollowUps();
            return;
        }

        var answers = FormDialog.Ask(app, "Follow-up", [new FormField("do", "Do:", DialChoice, FollowUpChoices)]);
        switch (answers?["do"])
        {
            case DialChoice:
                Send("Dial", () => connection.DialFollowUpAsync(open.Task.Id), "Dialling: your phone rings first, then the patient's.");
                break;
            case OutcomeChoice:
                RecordFollowUpOutcome(open);
                break;
            case ListChoice:
                ReadFollowUps();
                break;
            case CloseChoice:
                model.CloseFollowUp();
                break;
        }
    }

    private void ReadFollowUps()
    {
        model.ShowInfo("Reading your follow-ups...");
        _ = Task.Run(async () =>
        {
            if (await connection.GetFollowUpsAsync() is { } tasks)
            {
                app.Invoke(() => PickFollowUp(tasks));
            }
        });
    }

    private void PickFollowUp(IReadOnlyList<DeskFollowUpTask> tasks)
    {
        if (tasks.Count == 0)
        {
            model.ShowInfo("No follow-ups on your list.");
            return;
        }

        var labels = tasks.Select(t => FollowUpText.Label(model, t)).ToList();
        var answers = FormDialog.Ask(app, $"Follow-up calls ({tasks.Count}, due first)", [new FormField("task", "Task:", labels[0], labels)]);
        if (answers is null)
        {
            return;
        }

        var id = tasks[labels.IndexOf(answers["task"])].Id;
        _ = Task.Run(() => connection.OpenFollowUpAsync(id));
    }

    private void RecordFollowUpOutcome(DeskFollowUpDetail open)
    {
        // The answers first, as the agent asks them on the call; then the outcome, the next attempt and a note.
        var fields = open.Questions.Select((q, i) => new FormField($"q{i}", $"Q{i + 1} {q.Text} {q.Hint}".TrimEnd())).ToList();
        var outcomes = open.Outcomes.Count > 0 ? open.Outcomes : ["reached", "no-answer", "wrong-number", "refused", "needs-doctor"];
        fields.Add(new FormField("outcome", "Outcome:", outcomes[0], outcomes));
        fields.Add(new FormField("next", "Not reached: next attempt (yyyy-MM-dd HH:mm, local):"));
        fields.Add(new FormField("note", "Note:"));
        var answers = FormDialog.Ask(app, "Follow-up outcome", fields);
        if (answers is null)
        {
            return;
        }

        var outcome = answers["outcome"];
        DateTimeOffset? next = null;
        if (answers["next"].Length > 0)
        {
            if (!DateTime.TryParseExact(answers["next"], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var local))
            {
                model.ShowError($"Outcome failed: '{answers["next"]}' is not a time like 2026-11-24 09:30.");
                return;
            }

            next = new DateTimeOffset(local);
        }

        var given = open.Questions.Select((_, i) => answers[$"q{i}"]).ToList();
        var reached = outcome is "reached" or "needs-doctor";
        var request = new FollowUpOutcomeRequest(open.Task.Id, outcome, Empty(answers["note"]), reached && given.Any(a => a.Length > 0) ? given : null, next);
        _ = Task.Run(async () =>
        {
            var result = await connection.RecordFollowUpOutcomeAsync(request);
            app.Invoke(() =>
            {
                model.ShowResult("Outcome", result, $"Follow-up recorded: {outcome}.");
                if (result.Ok)
                {
                    model.CloseFollowUp();
                }
            });
        });
    }
}
