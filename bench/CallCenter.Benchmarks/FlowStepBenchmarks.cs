using BenchmarkDotNet.Attributes;
using Ivr.Flows.Execution;
using Ivr.Flows.Loading;
using Ivr.Flows.Model;
using Ivr.Flows.Values;

namespace CallCenter.Benchmarks;

/// <summary>
/// The engine's CPU per webhook, without I/O (ports answer from memory): one keypad step resumed and the next
/// rendered; the shipped hotline from the first webhook to its main menu; and storing a session as JSON and back.
/// </summary>
[MemoryDiagnoser]
public class FlowStepBenchmarks
{
    // A menu that says something and comes back to itself: each resume runs menu -> say -> menu (3 steps).
    private const string MenuLoop = """
        {
          "id": "bench", "languages": ["zh-CN", "en-US"], "start": "menu",
          "steps": [
            { "id": "menu", "type": "menu", "prompt": { "zh-CN": "预约请按1，人工请按0。", "en-US": "For appointments press 1, for an agent press 0." },
              "options": { "1": "said", "0": "said" }, "fallback": "said" },
            { "id": "said", "type": "say", "prompt": { "zh-CN": "您选择了{input.digits}。", "en-US": "You chose {input.digits}." }, "next": "menu" }
          ]
        }
        """;

    private static readonly FlowLinks Links = new("https://hub.example/twilio/voice/flow");
    private readonly FlowBenchWorld _world = new(TimeProvider.System);
    private FlowDefinition _menu = null!;
    private FlowDefinition _hotline = null!;
    private FlowSession _menuSession = null!;
    private string _sessionJson = string.Empty;
    private Dictionary<string, FlowValue> _callVariables = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _menu = FlowLoader.Load("bench.json", MenuLoop).Flow ?? throw new InvalidOperationException("bench flow invalid");
        var hotlineFile = Path.Combine(RepositoryRoot(), "flows", "hospital-hotline.json");
        var loaded = FlowLoader.Load("hospital-hotline.json", await File.ReadAllTextAsync(hotlineFile));
        _hotline = loaded.Flow ?? throw new InvalidOperationException(string.Join("; ", loaded.Errors));
        _callVariables = new Dictionary<string, FlowValue>
        {
            [FlowVariables.CallSid] = FlowValue.From("CA00000000000000000000000000000001"),
            [FlowVariables.From] = FlowValue.From("+8613800138000"),
            [FlowVariables.To] = FlowValue.From("+861058000000"),
        };
        _menuSession = (await FlowEngine.StartAsync(_menu, "v1", new FlowStart("CA1", _callVariables), _world.Services, Links, CancellationToken.None)).Session;
        var hotline = await FlowEngine.StartAsync(_hotline, "v1", new FlowStart("CA2", _callVariables), _world.Services, Links, CancellationToken.None);
        _sessionJson = FlowJson.SerializeSession(hotline.Session);
    }

    /// <summary>One keypress: the menu takes it, a say step runs, the menu renders again (3 steps and the TwiML).</summary>
    [Benchmark]
    public async Task<string> MenuKeypress_ThreeSteps()
    {
        var input = new FlowInput { Event = FlowEvent.Gathered, Step = _menuSession.CurrentStep, Turn = _menuSession.Turn, Digits = "1" };
        var turn = await FlowEngine.ContinueAsync(_menu, _menuSession, input, _world.Services, Links, CancellationToken.None);
        return turn.Twiml;
    }

    /// <summary>The hotline's first webhook for a known caller: identify, greet, opening hours, main menu (4 steps).</summary>
    [Benchmark]
    public async Task<string> HotlineAnswer_FourSteps()
    {
        var turn = await FlowEngine.StartAsync(_hotline, "v1", new FlowStart("CA3", _callVariables), _world.Services, Links, CancellationToken.None);
        return turn.Twiml;
    }

    /// <summary>What every webhook adds for persistence: the session read from JSON and written back.</summary>
    [Benchmark]
    public string SessionJsonRoundTrip() => FlowJson.SerializeSession(FlowJson.DeserializeSession(_sessionJson));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CallCenter.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CallCenter.sln not found above " + AppContext.BaseDirectory);
    }
}
