using Terminal.Gui.Input;

namespace AgentConsole.Ui;

/// <summary>The desk's hotkeys: function keys for state, letters for actions (either case). Listed in the bottom bar.</summary>
internal static class DeskKeys
{
    public static Action? Find(Key key, DeskActions actions, Action quit)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(actions);
        if (key == Key.F2)
        {
            return actions.GoAvailable;
        }

        if (key == Key.F3)
        {
            return actions.TakeBreak;
        }

        if (key == Key.F4)
        {
            return actions.GoOffline;
        }

        if (key.IsCtrl || key.IsAlt)
        {
            return null;
        }

        var letter = key.NoShift;
        return letter == Key.A ? actions.Accept
            : letter == Key.D ? actions.Decline
            : letter == Key.H ? actions.HoldOrResume
            : letter == Key.T ? actions.Transfer
            : letter == Key.X ? actions.HangUp
            : letter == Key.W ? actions.WrapUp
            : letter == Key.C ? actions.ScheduleCallback
            : letter == Key.S ? actions.SendSms
            : letter == Key.E ? actions.EndConversation
            : letter == Key.B ? actions.BookAppointment
            : letter == Key.K ? actions.ConfirmAppointment
            : letter == Key.N ? actions.CancelAppointment
            : letter == Key.L ? actions.LinkCaller
            : letter == Key.P ? actions.CreatePatient
            : letter == Key.M ? actions.MyCallbacks
            : letter == Key.F ? actions.FollowUps
            : letter == Key.R ? actions.Refresh
            : letter == Key.Q ? quit
            : null;
    }
}
