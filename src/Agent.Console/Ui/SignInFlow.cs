using AgentConsole.Connection;
using AgentConsole.Desk;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AgentConsole.Ui;

/// <summary>
/// Asks for the user name and password and signs in. A refusal is shown in the form and the agent tries again; an
/// unreachable hub is tried again on the reconnect schedule until it answers or the agent cancels. The password
/// lives only in this flow, never in arguments, settings or logs.
/// </summary>
internal sealed class SignInFlow(IApplication app, Uri hubUrl, SignInClient client, TimeProvider time, Func<bool> quitRequested)
{
    /// <summary>
    /// The access token, or null when the agent gave up (Esc on the form). With <paramref name="lockedTo"/> (unlocking
    /// the idle lock) only that user may sign in: the desk behind shows their work.
    /// </summary>
    public string? Run(string? userName, string? note = null, string? lockedTo = null)
    {
        while (true)
        {
            var answers = FormDialog.Ask(
                app,
                $"Sign in to {hubUrl}",
                [new FormField("user", "User name:", userName ?? ""), new FormField("password", "Password:", Secret: true)],
                note ?? "Enter your user name and password (Esc quits).");
            if (answers is null || quitRequested())
            {
                return null;
            }

            userName = answers["user"];
            if (userName.Length == 0 || answers["password"].Length == 0)
            {
                note = "Sign-in refused: both the user name and the password are needed.";
                continue;
            }

            if (lockedTo is not null && !string.Equals(userName, lockedTo, StringComparison.OrdinalIgnoreCase))
            {
                userName = lockedTo;
                note = $"This desk is locked to {lockedTo}; only they can unlock it (Esc keeps it locked).";
                continue;
            }

            var (token, refused) = TryUntilAnswered(userName, answers["password"]);
            if (token is not null || quitRequested())
            {
                return token;
            }

            note = refused ?? "Sign-in cancelled.";
        }
    }

    /// <summary>Signs in, retrying while the hub is unreachable; a window says so and counts down to the next try.</summary>
    private (string? Token, string? Refused) TryUntilAnswered(string userName, string password)
    {
        using var stop = new CancellationTokenSource();
        using var dialog = new Dialog { Title = "Signing in", Width = Dim.Percent(90), Height = Dim.Auto() };
        var message = new Label { Text = $"Signing in to {hubUrl} as {userName}...", X = 0, Y = 0, Width = Dim.Fill(), Height = 4 };
        dialog.Add(message);
        dialog.AddButton(new Button { Text = "Cancel" });
        SignInOutcome? final = null;
        ConnectionStatus? waiting = null;
        var ticker = app.AddTimeout(TimeSpan.FromMilliseconds(500), () =>
        {
            if (waiting is not null)
            {
                message.Text = $"{DeskText.Connection(waiting, time.GetUtcNow())}\n{waiting.Detail}\nEsc cancels; Ctrl+Q quits.";
            }

            return true;
        });
        _ = Task.Run(async () =>
        {
            for (long attempt = 1; !stop.IsCancellationRequested; attempt++)
            {
                var outcome = await client.SignInAsync(hubUrl, userName, password, stop.Token);
                if (outcome.Unreachable is null)
                {
                    app.Invoke(() =>
                    {
                        final = outcome;
                        dialog.RequestStop();
                    });
                    return;
                }

                var delay = ReconnectSchedule.DelayBefore(attempt);
                waiting = new ConnectionStatus(ConnectionPhase.Unreachable, hubUrl, time.GetUtcNow() + delay, outcome.Unreachable);
                await Task.Delay(delay, time, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        });
        app.Run(dialog);
        stop.Cancel();
        if (ticker is not null)
        {
            app.RemoveTimeout(ticker);
        }

        return final is null ? (null, null) : (final.AccessToken, final.Refused);
    }
}
