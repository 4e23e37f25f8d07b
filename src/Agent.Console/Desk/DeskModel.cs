using AgentDesk.Contracts;

namespace AgentConsole.Desk;

/// <summary>
/// Everything the desk shows, fed by the hub's pushes and snapshots. Not thread-safe: the console applies every
/// change on its UI thread. Times the hub sends are turned into durations on arrival, so a console whose clock
/// differs from the hub's still counts down and up correctly.
/// </summary>
internal sealed partial class DeskModel(TimeProvider time, Uri hubUrl, TimeZoneInfo? zone = null)
{
    private readonly List<DeskOffer> _ringing = [];
    private readonly Dictionary<Guid, DateTimeOffset> _ringsOutAt = [];
    private readonly Dictionary<Guid, DeskScreenPop> _screenPops = [];
    private readonly List<ConversationView> _conversations = [];

    /// <summary>Raised after any change; the UI redraws from the model.</summary>
    public event Action? Changed;

    /// <summary>Raised when a call ends and its wrap-up is due, so the UI can open the wrap-up form by itself.</summary>
    public event Action<string>? WrapUpDue;

    public TimeProvider Time { get; } = time;

    /// <summary>The agent's time zone: appointment and interaction times are shown in it.</summary>
    public TimeZoneInfo Zone { get; } = zone ?? TimeZoneInfo.Local;

    public string LocalTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public ConnectionStatus Connection { get; private set; } = new(ConnectionPhase.Connecting, hubUrl);

    public string? UserName { get; private set; }

    public string? DisplayName { get; private set; }

    public DeskAgentState? State { get; private set; }

    /// <summary>When the current state began, on the console's clock.</summary>
    public DateTimeOffset? StateSince { get; private set; }

    public IReadOnlyList<DeskOffer> Ringing => _ringing;

    public DeskOffer? RingingOffer => _ringing.Count > 0 ? _ringing[0] : null;

    public DeskCall? Call { get; private set; }

    /// <summary>The call whose wrap-up the agent still owes, if any.</summary>
    public string? WrapUpCallSid { get; private set; }

    public IReadOnlyList<string> Dispositions { get; private set; } = [];

    public IReadOnlyList<ConversationView> Conversations => _conversations;

    public DeskNotice? LastNotice { get; private set; }

    /// <summary>The agent's callbacks as last read (M); null while the panel shows the recent interactions.</summary>
    public IReadOnlyList<DeskCallback>? Callbacks { get; private set; }

    /// <summary>The offer the agent is working on: the call in hand, else the one ringing, else the last one served.</summary>
    public Guid? ActiveOfferId => Call?.OfferId ?? RingingOffer?.OfferId ?? LastOfferId;

    public Guid? LastOfferId { get; private set; }

    /// <summary>The screen-pop on screen: the ringing offer's first (it needs an answer), else the active offer's.</summary>
    public DeskScreenPop? ScreenPop =>
        RingingOffer?.ScreenPop ?? (ActiveOfferId is { } id ? _screenPops.GetValueOrDefault(id) : null);

    public bool HasScreenPop(Guid offerId) => _screenPops.ContainsKey(offerId);

    /// <summary>Seconds until the ringing offer rings out (0 once it has).</summary>
    public int? SecondsToRingOut(Guid offerId) =>
        _ringsOutAt.TryGetValue(offerId, out var at) ? Math.Max(0, (int)Math.Ceiling((at - Time.GetUtcNow()).TotalSeconds)) : null;

    /// <summary>When the hub ends the agent's wrap-up by itself, on the console's clock.</summary>
    public DateTimeOffset? WrapUpEndsAt { get; private set; }

    public int? SecondsOfWrapUpLeft =>
        WrapUpEndsAt is { } at ? Math.Max(0, (int)Math.Ceiling((at - Time.GetUtcNow()).TotalSeconds)) : null;

    public TimeSpan? TimeInState => StateSince is { } since ? Max(Time.GetUtcNow() - since, TimeSpan.Zero) : null;

    public void SetConnection(ConnectionStatus status)
    {
        Connection = status;
        Raise();
    }

    public void ApplySnapshot(DeskSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        UserName = snapshot.UserName;
        DisplayName = snapshot.DisplayName;
        Dispositions = snapshot.Dispositions;
        Complaints = new ComplaintChoices(snapshot.ComplaintDisposition, snapshot.ComplaintCategories, snapshot.ComplaintSeverities);
        SetState(snapshot.State, fromPush: false);
        _ringing.Clear();
        foreach (var offer in snapshot.Ringing)
        {
            AddOffer(offer);
        }

        Call = snapshot.Call;
        if (Call is not null)
        {
            LastOfferId = Call.OfferId;
        }

        WrapUpCallSid = snapshot.WrapUpCallSid;
        _conversations.Clear();
        _conversations.AddRange(snapshot.Conversations.Select(ConversationView.From));
        Raise();
    }

    /// <summary>Shows what became of an action: its success text, or the hub's reason for refusing it.</summary>
    public void ShowResult(string action, DeskResult result, string? success = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        Notice(result.Ok ? success ?? $"{action}: done." : $"{action} failed: {DeskText.Failure(result)}", isError: !result.Ok);
        Raise();
    }

    public void ShowError(string text)
    {
        Notice(text, isError: true);
        Raise();
    }

    public void ShowInfo(string text)
    {
        Notice(text, isError: false);
        Raise();
    }

    private void AddOffer(DeskOffer offer)
    {
        _ringing.Add(offer);
        _screenPops[offer.OfferId] = offer.ScreenPop;
        _ringsOutAt[offer.OfferId] = Time.GetUtcNow() + Max(offer.ExpiresAt - offer.OfferedAt, TimeSpan.Zero);
    }

    private void SetState(DeskAgentState state, bool fromPush)
    {
        var same = State is not null && State.State == state.State && State.Since == state.Since;
        if (!same)
        {
            // A push is sent as the state changes: it began now. A snapshot's state may be old: trust its Since.
            StateSince = fromPush ? Time.GetUtcNow() : Min(state.Since, Time.GetUtcNow());
        }

        State = state;

        // The hub holds the agent in wrap-up until WrapUpUntil: counted from when the state began, as for offers.
        WrapUpEndsAt = state.WrapUpUntil is { } until && StateSince is { } began ? began + Max(until - state.Since, TimeSpan.Zero) : null;
    }

    private void Notice(string text, bool isError) => LastNotice = new DeskNotice(text, isError, Time.GetUtcNow());

    private void Raise() => Changed?.Invoke();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
