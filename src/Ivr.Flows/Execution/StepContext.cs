using Ivr.Flows.Languages;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Values;
using Twilio.Protocol.TwiML;

namespace Ivr.Flows.Execution;

/// <summary>
/// What a running step sees: the flow, the call's session, the ports, the input that resumed it, and the answer
/// being built for this webhook (TwiML verbs for a call, replies for an SMS).
/// </summary>
public sealed class StepContext
{
    private readonly List<TurnEvent> _events = [];

    internal StepContext(FlowDefinition flow, FlowSession session, FlowServices services, FlowLinks links, FlowInput? input)
    {
        Flow = flow;
        Session = session;
        Services = services;
        Links = links;
        Input = input;
    }

    public FlowDefinition Flow { get; }

    public FlowSession Session { get; }

    public FlowServices Services { get; }

    public FlowLinks Links { get; }

    /// <summary>The input that resumed the current step; null when a step is entered.</summary>
    public FlowInput? Input { get; internal set; }

    /// <summary>The TwiML being built for a voice webhook.</summary>
    public VoiceResponse Voice { get; } = new();

    /// <summary>Replies to send back for an SMS webhook, in order.</summary>
    public List<string> SmsReplies { get; } = [];

    /// <summary>The step now running (set by the engine).</summary>
    public FlowStep Step { get; internal set; } = null!;

    public DateTimeOffset Now => Services.Time.GetUtcNow();

    /// <summary>The call's language, for Say and Gather attributes.</summary>
    public IvrLanguage Language => IvrLanguage.TryParse(Session.Language, out var language, out _) ? language : IvrLanguage.ChineseMandarin;

    /// <summary>The text in the call's language with its variables filled in.</summary>
    public string Text(LocalizedText? text) =>
        text is null ? string.Empty : Templates.Render(text.For(Session.Language, Flow.EffectiveDefaultLanguage), Session.Variables);

    /// <summary>Adds a Say in the call's language (voice from <paramref name="voice"/> or the language's default).</summary>
    public void Say(LocalizedText? text, string? voice = null, int? loop = null)
    {
        var spoken = Text(text);
        if (spoken.Length > 0)
        {
            Voice.Say(spoken, voice ?? Language.DefaultVoice, Language.SayLanguage, loop);
        }
    }

    /// <summary>The action URL that resumes the current step with <paramref name="flowEvent"/>.</summary>
    public string ActionUrl(FlowEvent flowEvent) =>
        Links.Action(Step.Id, flowEvent is FlowEvent.Hold or FlowEvent.HoldKey ? null : Session.Turn, flowEvent);

    public void Trace(string flowEvent, string? detail = null) =>
        Session.Trace.Add(new TraceEntry(Now, Step?.Id ?? string.Empty, flowEvent, detail));

    /// <summary>What this turn did, in order, for the hub to act on (see <see cref="TurnEvent"/>).</summary>
    public IReadOnlyList<TurnEvent> Events => _events;

    /// <summary>Reports what the step did for the hub; the trace line beside it stays the people's version.</summary>
    public void Report(TurnEvent turnEvent)
    {
        ArgumentNullException.ThrowIfNull(turnEvent);
        _events.Add(turnEvent);
    }

    public FlowValue Get(string name) => Session.Get(name);

    public void Set(string name, FlowValue value) => Session.Set(name, value);

    /// <summary>The flow's time zone (UTC if the id is unknown to this machine; validation reports that).</summary>
    public TimeZoneInfo TimeZone => FlowTime.Zone(Flow.TimeZone);
}
