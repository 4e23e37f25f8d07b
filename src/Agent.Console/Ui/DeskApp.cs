using AgentConsole.Connection;
using AgentConsole.Desk;
using AgentConsole.Startup;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace AgentConsole.Ui;

/// <summary>Runs the desk: sign in, connect, show the desk until the agent quits. Unexpected errors are shown, not fatal.</summary>
internal static class DeskApp
{
    public static int Run(AgentConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var time = TimeProvider.System;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        using var app = Application.Create();
        app.Init();
        var quit = false;
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (key == Key.Q.WithCtrl)
            {
                // Ctrl+Q quits from anywhere: the open dialog closes, and every flow checks the flag.
                quit = true;
                key.Handled = true;
                app.RequestStop();
            }
        };
        var signIn = new SignInFlow(app, options.HubUrl, new SignInClient(http), time, () => quit);
        var token = signIn.Run(options.UserName);
        if (token is null)
        {
            return ExitCodes.Ok;
        }

        var model = new DeskModel(time, options.HubUrl);
        var connection = new DeskConnection(options.HubUrl, () => token, model, action => app.Invoke(action));
        try
        {
            using var window = new DeskWindow(model);
            var actions = new DeskActions(app, model, connection);
            model.Changed += window.Refresh;

            // Forms open only from a key press: Terminal.Gui 2.5 does not pass keys to a modal dialog opened from
            // its timer callbacks (where pushes arrive), so a wrap-up due or a sign-out is shown and the agent
            // presses W or R. R while signed out asks for the password again and reconnects.
            void SignInAgain()
            {
                var again = signIn.Run(model.UserName ?? options.UserName, $"Signed out: {model.Connection.Detail} Sign in again.");
                if (again is null)
                {
                    app.RequestStop(window);
                    return;
                }

                token = again;
                _ = Task.Run(connection.ConnectAsync);
            }

            // The idle lock: any key anywhere counts as input; once locked, the desk shows no patient data and takes
            // no key but U (sign in again as the same user) until unlocked. Like the sign-out above, the form opens
            // from a key press, not from the timer that locks.
            var idle = new IdleLock(time, options.IdleLock);
            void Unlock()
            {
                var user = model.UserName ?? options.UserName;
                var again = signIn.Run(user, $"Locked after {idle.Timeout.TotalMinutes:0} minutes without input: enter your password.", lockedTo: user);
                if (again is null)
                {
                    return;
                }

                token = again;
                idle.Unlock();
                window.Locked = false;
                window.Refresh();
            }

            app.Keyboard.KeyDown += (_, key) =>
            {
                if (!idle.IsLocked)
                {
                    idle.Input();
                    return;
                }

                if (ReferenceEquals(app.TopRunnable, window) && !key.Handled)
                {
                    key.Handled = true;
                    if (key.NoShift == Key.U)
                    {
                        Unlock();
                    }
                }
            };
            app.Keyboard.KeyDown += (_, key) =>
            {
                if (!key.Handled && ReferenceEquals(app.TopRunnable, window) && model.Connection.Phase == ConnectionPhase.SignedOut && key.NoShift == Key.R)
                {
                    key.Handled = true;
                    SignInAgain();
                }
            };
            app.Keyboard.KeyDown += (_, key) => OnKey(app, window, actions, key);
            app.AddTimeout(TimeSpan.FromSeconds(1), () =>
            {
                if (quit)
                {
                    app.RequestStop(window);
                }

                if (idle.LockIfIdle())
                {
                    window.Locked = true;
                }

                window.Refresh();
                return true;
            });
            _ = Task.Run(connection.ConnectAsync);
            app.Run(window, error =>
            {
                model.ShowError($"Unexpected error: {error.GetBaseException().Message}");
                return true;
            });
        }
        finally
        {
            connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return ExitCodes.Ok;
    }

    /// <summary>Q on the desk: asks first while a call is in hand or ringing, so a stray key does not drop a caller.</summary>
    private static void QuitIfSure(IApplication app, DeskWindow window)
    {
        if (window.Busy && MessageBox.Query(app, "Quit", "A call is ringing or in hand. Quit anyway?", "No", "Yes") != 1)
        {
            return;
        }

        app.RequestStop(window);
    }

    private static void OnKey(IApplication app, DeskWindow window, DeskActions actions, Key key)
    {
        // Handled: Ctrl+Q, R while signed out, or any key while the desk is locked.
        if (key.Handled || !ReferenceEquals(app.TopRunnable, window))
        {
            return;
        }

        if (key == Key.Esc)
        {
            // Esc closes dialogs; on the desk itself it must not end the agent's session by accident.
            key.Handled = true;
            return;
        }

        if (DeskKeys.Find(key, actions, () => QuitIfSure(app, window)) is { } action)
        {
            key.Handled = true;
            action();
        }
    }
}
