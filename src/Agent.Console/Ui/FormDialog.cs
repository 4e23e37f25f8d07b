using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AgentConsole.Ui;

/// <summary>One field of a form: free text, or a pick from a list.</summary>
internal sealed record FormField(string Name, string Label, string Initial = "", IReadOnlyList<string>? Choices = null, bool Secret = false);

/// <summary>
/// A small modal form: labelled text fields and lists, OK and Cancel. Enter on the last field is OK, Esc is Cancel.
/// Answers null when cancelled; list fields answer the chosen item's text.
/// </summary>
internal static class FormDialog
{
    public static IReadOnlyDictionary<string, string>? Ask(IApplication app, string title, IReadOnlyList<FormField> fields, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(fields);
        using var dialog = new Dialog { Title = title, Width = Dim.Percent(90), Height = Dim.Auto() };
        var read = new List<(string Name, Func<string> Value)>();
        View? previous = null;
        View? firstEmpty = null;
        if (note is not null)
        {
            previous = new Label { Text = note, X = 0, Y = 0, Width = Dim.Fill() };
            dialog.Add(previous);
        }

        foreach (var field in fields)
        {
            var label = new Label { Text = field.Label, X = 0, Y = previous is null ? 0 : Pos.Bottom(previous) };
            dialog.Add(label);
            if (field.Choices is { } choices)
            {
                var list = new ListView { X = 0, Y = Pos.Bottom(label), Width = Dim.Fill(), Height = Math.Clamp(choices.Count, 1, 6) };
                list.SetSource(new ObservableCollection<string>(choices));
                var initial = choices.ToList().IndexOf(field.Initial);
                list.SelectedItem = initial >= 0 ? initial : 0;
                dialog.Add(list);
                read.Add((field.Name, () => list.SelectedItem is int i && i >= 0 && i < choices.Count ? choices[i] : ""));
                previous = list;
            }
            else
            {
                var text = new TextField { Text = field.Initial, Secret = field.Secret, X = 0, Y = Pos.Bottom(label), Width = Dim.Fill() };
                dialog.Add(text);
                read.Add((field.Name, () => text.Text ?? ""));
                firstEmpty ??= field.Initial.Length == 0 ? text : null;
                previous = text;
            }
        }

        dialog.AddButton(new Button { Text = "Cancel" });
        dialog.AddButton(new Button { Text = "OK" });
        // The agent starts typing where something is missing (the password, when the user name came from settings).
        // Set once the dialog runs (the next loop turn): before that the dialog gives focus to its first view itself.
        var focusTimer = app.AddTimeout(TimeSpan.Zero, () =>
        {
            firstEmpty?.SetFocus();
            return false;
        });
        app.Run(dialog);
        if (focusTimer is not null)
        {
            app.RemoveTimeout(focusTimer);
        }

        if (dialog.Result != dialog.Buttons.Length - 1)
        {
            return null;
        }

        return read.ToDictionary(r => r.Name, r => r.Value().Trim());
    }

    /// <summary>A message with one button, for what the agent must read before going on.</summary>
    public static void Tell(IApplication app, string title, string text) => MessageBox.Query(app, title, text, "OK");
}
