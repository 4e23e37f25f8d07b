using AgentConsole.Connection;
using AgentConsole.Desk;
using AgentDesk.Contracts;
using Terminal.Gui.App;

namespace AgentConsole.Ui;

/// <summary>
/// What each hotkey does. Actions that need details ask for them in a form first; every call to the hub runs in the
/// background and its outcome (or the hub's reason for refusing) lands on the message line. Nothing throws out.
/// </summary>
internal sealed partial class DeskActions(IApplication app, DeskModel model, DeskConnection connection)
{
    public void GoAvailable() => Send("Available", () => connection.SetStateAsync(new SetStateRequest("available")), "You are available.");

    public void GoOffline() => Send("Offline", () => connection.SetStateAsync(new SetStateRequest("offline")), "You are offline.");

    public void TakeBreak()
    {
        var answers = FormDialog.Ask(app, "Break", [new FormField("reason", "Reason (e.g. lunch, training, meeting):")]);
        if (answers is not null)
        {
            Send("Break", () => connection.SetStateAsync(new SetStateRequest("break", Empty(answers["reason"]))), "You are on break.");
        }
    }

    public void Accept()
    {
        if (model.RingingOffer is not { } offer)
        {
            model.ShowError("Nothing is ringing.");
            return;
        }

        var accepted = offer.Kind == DeskWorkKinds.Conversation ? "Accepted: the conversation is yours." : "Accepted: connecting the caller.";
        Send("Accept", () => connection.AcceptAsync(offer.OfferId), accepted, refreshDesk: true);
    }

    public void Decline()
    {
        if (model.RingingOffer is not { } offer)
        {
            model.ShowError("Nothing is ringing.");
            return;
        }

        Send("Decline", () => connection.DeclineAsync(offer.OfferId), "Declined.", refreshDesk: true);
    }

    public void HoldOrResume()
    {
        if (model.Call is not { } call)
        {
            model.ShowError("No call in hand to hold.");
            return;
        }

        if (call.OnHold)
        {
            Send("Resume", () => connection.ResumeAsync(call.CallSid), "The caller is back with you.");
        }
        else
        {
            Send("Hold", () => connection.HoldAsync(call.CallSid), "The caller is on hold (H resumes).");
        }
    }

    public void HangUp()
    {
        if (model.Call is not { } call)
        {
            model.ShowError("No call in hand to hang up.");
            return;
        }

        Send("Hang up", () => connection.HangUpAsync(call.CallSid), "Hung up.");
    }

    /// <summary>M: the agent's own callbacks in the bottom panel, or back to the recent interactions.</summary>
    public void MyCallbacks()
    {
        if (model.Callbacks is not null)
        {
            model.HideCallbacks();
            return;
        }

        model.ShowInfo("Reading your callbacks...");
        _ = Task.Run(connection.GetCallbacksAsync);
    }

    public void Refresh()
    {
        model.ShowInfo("Refreshing...");
        _ = Task.Run(async () =>
        {
            await connection.RefreshAsync();
            if (model.ActiveOfferId is { } offerId)
            {
                await connection.RefreshScreenPopAsync(offerId);
            }
        });
    }

    /// <summary>Runs a hub call in the background and shows its outcome; refreshes the screen-pop after a change to it.</summary>
    // refreshDesk: the hub pushes no event for what an answer to an offer changes on the desk itself (the offer stops
    // ringing here, a conversation becomes the agent's), so the desk is read again.
    private void Send(string action, Func<Task<DeskResult>> call, string? success = null, Guid? refreshPopOf = null, bool refreshDesk = false)
    {
        _ = Task.Run(async () =>
        {
            DeskResult result;
            try
            {
                result = await call();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                result = DeskResult.Fail(DeskErrors.Unavailable, ex.Message);
            }

            app.Invoke(() => model.ShowResult(action, result, success is null || result.CreatedId is null ? success : $"{success} ({result.CreatedId})"));
            if (result.Ok && refreshPopOf is { } offerId)
            {
                await connection.RefreshScreenPopAsync(offerId);
            }

            if (result.Ok && refreshDesk)
            {
                await connection.RefreshAsync();
            }
        });
    }

    private Guid? NeedOffer(string what)
    {
        if (model.ActiveOfferId is { } id)
        {
            return id;
        }

        model.ShowError($"{what} needs a call or conversation on screen.");
        return null;
    }

    private static string? Empty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
