using System.Text.RegularExpressions;
using AgentConsole.Connection;
using AgentConsole.Desk;
using AgentConsole.Ui;
using Terminal.Gui.App;
using Terminal.Gui.Input;

namespace Agent.Console.Tests.Ui;

public sealed partial class DeskKeysTests : IAsyncDisposable
{
    private static readonly Uri Hub = new("http://hub.test");
    private readonly IApplication _app = Application.Create();
    private readonly DeskConnection _connection;
    private readonly DeskActions _actions;

    public DeskKeysTests()
    {
        var model = new DeskModel(TimeProvider.System, Hub);
        _connection = new DeskConnection(Hub, () => null, model, change => change());
        _actions = new DeskActions(_app, model, _connection);
    }

    public static TheoryData<string, string> Bindings => new()
    {
        { "F2", nameof(DeskActions.GoAvailable) },
        { "F3", nameof(DeskActions.TakeBreak) },
        { "F4", nameof(DeskActions.GoOffline) },
        { "A", nameof(DeskActions.Accept) },
        { "D", nameof(DeskActions.Decline) },
        { "H", nameof(DeskActions.HoldOrResume) },
        { "T", nameof(DeskActions.Transfer) },
        { "X", nameof(DeskActions.HangUp) },
        { "W", nameof(DeskActions.WrapUp) },
        { "C", nameof(DeskActions.ScheduleCallback) },
        { "S", nameof(DeskActions.SendSms) },
        { "E", nameof(DeskActions.EndConversation) },
        { "B", nameof(DeskActions.BookAppointment) },
        { "K", nameof(DeskActions.ConfirmAppointment) },
        { "N", nameof(DeskActions.CancelAppointment) },
        { "L", nameof(DeskActions.LinkCaller) },
        { "P", nameof(DeskActions.CreatePatient) },
        { "M", nameof(DeskActions.MyCallbacks) },
        { "F", nameof(DeskActions.FollowUps) },
        { "R", nameof(DeskActions.Refresh) },
    };

    [Theory]
    [MemberData(nameof(Bindings))]
    public void Find_Hotkey_RunsItsAction(string key, string action)
    {
        Assert.Equal(action, DeskKeys.Find(Parse(key), _actions, () => { })!.Method.Name);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("A")]
    public void Find_LetterInEitherCase_IsTheSameAction(string letter)
    {
        var key = letter == "A" ? Key.A.WithShift : Key.A;

        Assert.Equal(nameof(DeskActions.Accept), DeskKeys.Find(key, _actions, () => { })!.Method.Name);
    }

    [Fact]
    public void Find_Q_Quits()
    {
        var quit = () => { };

        Assert.Same(quit, DeskKeys.Find(Key.Q, _actions, quit));
    }

    [Fact]
    public void Find_UnboundOrCtrlLetter_IsNothing()
    {
        Assert.Null(DeskKeys.Find(Key.Z, _actions, () => { }));
        Assert.Null(DeskKeys.Find(Key.A.WithCtrl, _actions, () => { }));
    }

    [Fact]
    public void HotkeyBar_EveryKeyItShows_IsBoundAndFitsIn80Columns()
    {
        string[] lines = [DeskWindow.HotkeyLine1, DeskWindow.HotkeyLine2, DeskWindow.HotkeyLine3];
        var shown = lines.SelectMany(l => ShownKey().Matches(l).Select(m => m.Groups[1].Value)).ToList();

        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
        Assert.Equal(Bindings.Count + 1, shown.Count);
        Assert.All(shown, k => Assert.NotNull(DeskKeys.Find(Parse(k), _actions, () => { })));
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _app.Dispose();
    }

    private static Key Parse(string key) => key switch
    {
        "F2" => Key.F2,
        "F3" => Key.F3,
        "F4" => Key.F4,
        _ => new Key(key.ToLowerInvariant()[0]),
    };

    // A key in the bar: F2..F4 or a capital letter, at the start or after two spaces, followed by a space.
    [GeneratedRegex(@"(?:^|  )(F\d|[A-Z]) ")]
    private static partial Regex ShownKey();
}
