using System.Collections.ObjectModel;
using AgentConsole.Desk;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AgentConsole.Ui;

/// <summary>
/// The desk's one screen. 80x24: a status line, the offer panel (two thirds) beside the SMS panel, the patient's
/// recent interactions, a message line and three lines of hotkeys. Larger terminals give the panels the space.
/// Everything shown is read from <see cref="DeskModel"/>.
/// </summary>
internal sealed class DeskWindow : Window
{
    public const string HotkeyLine1 = "F2 Available  F3 Break  F4 Offline  A Accept  D Decline  H Hold  M Callbacks";
    public const string HotkeyLine2 = "T Transfer  X Hang up  W Wrap-up  C Callback  S SMS  E End SMS  B Book  F Follow";
    public const string HotkeyLine3 = "K Confirm appt  N Cancel appt  L Link caller  P New patient  R Refresh  Q Quit";

    private readonly DeskModel _model;
    private readonly Label _status = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
    private readonly FrameView _offerFrame = new() { Title = "Offer / call", X = 0, Y = 1, Width = Dim.Percent(64), Height = Dim.Fill(10) };
    private readonly ListView _offer = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
    private readonly FrameView _smsFrame = new() { Title = "SMS", Y = 1, Width = Dim.Fill(), Height = Dim.Fill(10) };
    private readonly ListView _sms = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
    private readonly FrameView _historyFrame = new() { Title = "Recent interactions", X = 0, Width = Dim.Fill(), Height = 6 };
    private readonly ListView _history = new() { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
    private readonly Label _notice = new() { X = 0, Width = Dim.Fill(), Height = 1 };
    private readonly Label _hotkeys = new() { X = 0, Width = Dim.Fill(), Height = 3, Text = $"{HotkeyLine1}\n{HotkeyLine2}\n{HotkeyLine3}" };

    public DeskWindow(DeskModel model)
    {
        _model = model;
        Title = "Agent desk";
        BorderStyle = LineStyle.None;
        _smsFrame.X = Pos.Right(_offerFrame);
        _historyFrame.Y = Pos.Bottom(_offerFrame);
        _notice.Y = Pos.AnchorEnd(4);
        _hotkeys.Y = Pos.AnchorEnd(3);
        _offerFrame.Add(_offer);
        _smsFrame.Add(_sms);
        _historyFrame.Add(_history);
        Add(_status, _offerFrame, _smsFrame, _historyFrame, _notice, _hotkeys);
        Refresh();
    }

    /// <summary>While locked (<see cref="IdleLock"/>) the window shows no patient data, only how to unlock.</summary>
    public bool Locked { get; set; }

    /// <summary>What the locked window says.</summary>
    public const string LockedText = "Locked: no key pressed for a while. Press U and enter your password to unlock.";

    /// <summary>True while a call rings or is in hand.</summary>
    public bool Busy => _model.Call is not null || _model.RingingOffer is not null;

    /// <summary>Redraws every part from the model; cheap enough to run on every change and every second.</summary>
    public void Refresh()
    {
        if (Locked)
        {
            _status.Text = $"Locked | {_model.UserName ?? ""}";
            SetLines(_offer, []);
            SetLines(_sms, []);
            SetLines(_history, []);
            _notice.Text = LockedText;
            SetNeedsDraw();
            return;
        }

        var now = _model.Time.GetUtcNow();
        var who = _model.DisplayName ?? _model.UserName ?? "";
        _status.Text = $"{DeskText.Connection(_model.Connection, now)} | {who} | {DeskText.AgentState(_model)}";
        SetLines(_offer, TextWrap.Lines(ScreenPopText.Lines(_model), _offer.Viewport.Width));
        SetLines(_sms, TextWrap.Lines(ScreenPopText.Conversations(_model), _sms.Viewport.Width));
        _historyFrame.Title = _model.Callbacks is null ? "Recent interactions" : "My callbacks";
        SetLines(_history, TextWrap.Lines(ScreenPopText.Interactions(_model), _history.Viewport.Width));
        _notice.Text = _model.LastNotice is { } notice ? (notice.IsError ? "! " : "") + notice.Text
            : _model.Connection is { Phase: not ConnectionPhase.Connected, Detail: { } why } ? $"! {why}" : "";
        SetNeedsDraw();
    }

    private static void SetLines(ListView list, IReadOnlyList<string> lines)
    {
        var selected = list.SelectedItem;
        list.SetSource(new ObservableCollection<string>(lines));
        if (selected is int index && index < lines.Count)
        {
            list.SelectedItem = index;
        }
    }
}
