using System.Xml.Linq;
using Ivr.Flows.Execution;
using Ivr.Flows.Loading;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Tests.Support;
using Ivr.Flows.Values;
using Microsoft.Extensions.Time.Testing;

namespace Ivr.Flows.Tests.Execution;

/// <summary>
/// Thousands of webhooks of random and garbage input (keys, speech, recordings, dial and queue results, stale and
/// forged step names and turns) through the shipped flows: the engine never throws and always answers valid TwiML.
/// Seeded, so a failure replays.
/// </summary>
public sealed class RandomInputTests
{
    private static readonly string[] VoiceVerbs = ["Say", "Play", "Pause", "Gather", "Record", "Enqueue", "Dial", "Redirect", "Hangup", "Reject", "Leave"];
    private static readonly string[] Garbage = ["", " ", "<Say>x</Say>", "'; DROP TABLE patient; --", "\u0000\u0001", "１２３", "😀", new string('9', 5000), "#", "*", "1#2", "-1", "NaN"];
    private static readonly string[] QueueResults = ["bridged", "bridging-in-process", "queue-full", "redirected", "hangup", "leave", "error", "system-error", "garbage", ""];
    private static readonly string[] DialStatuses = ["completed", "answered", "busy", "no-answer", "failed", "canceled", "garbage", ""];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Hotline_RandomWebhooks_AlwaysValidTwiml(int seed)
    {
        var random = new Random(seed);
        var flow = Load("hospital-hotline.json");
        for (var call = 0; call < 150; call++)
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, random.Next(0, 24), random.Next(0, 60), 0, TimeSpan.Zero));
            var world = Arranged(time, known: random.Next(2) == 0);
            var turn = await FlowEngine.StartAsync(flow, "v1", Start(call, language: random.Next(3) == 0 ? "en-US" : null), world.Services, FlowRun.Links, CancellationToken.None);
            AssertValidVoice(turn, seed, call);
            for (var hook = 0; hook < 25 && !turn.Session.Ended; hook++)
            {
                var input = RandomInput(random, turn.Session);
                turn = await FlowEngine.ContinueAsync(flow, turn.Session, input, world.Services, FlowRun.Links, CancellationToken.None);
                AssertValidVoice(turn, seed, call, holding: input.Event is FlowEvent.Hold or FlowEvent.HoldKey);
                turn = turn with { Session = FlowJson.DeserializeSession(FlowJson.SerializeSession(turn.Session)) };
            }
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public async Task SmsFlow_RandomTexts_AlwaysValidTwiml(int seed)
    {
        var random = new Random(seed);
        var flow = Load("hospital-sms.json");
        var words = new[] { "STOP", "stop", "START", "HELP", "YES", "1", "2", "取消", "确认", "9", "hello", "STOP 123", "Cancel", "" };
        for (var conversation = 0; conversation < 100; conversation++)
        {
            var world = Arranged(new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)), known: random.Next(2) == 0);
            var body = Pick(random, random.Next(2) == 0 ? words : Garbage);
            var turn = await FlowEngine.StartAsync(flow, "v1", Start(conversation, input: Sms(body)), world.Services, FlowRun.Links, CancellationToken.None);
            AssertValidSms(turn);
            for (var text = 0; text < 5 && !turn.Session.Ended; text++)
            {
                turn = await FlowEngine.ContinueAsync(flow, turn.Session, Sms(Pick(random, random.Next(2) == 0 ? words : Garbage)), world.Services, FlowRun.Links, CancellationToken.None);
                AssertValidSms(turn);
            }
        }
    }

    private static FlowInput RandomInput(Random random, FlowSession session)
    {
        var events = Enum.GetValues<FlowEvent>();
        var flowEvent = events[random.Next(events.Length)];
        var digits = random.Next(3) switch
        {
            0 => random.Next(0, 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => Pick(random, random.Next(2) == 0 ? Garbage : ["123456#", "19800115"]),
            _ => random.NextInt64(0, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return new FlowInput
        {
            Event = flowEvent,
            Step = random.Next(8) == 0 ? Pick(random, Garbage) : session.CurrentStep,
            Turn = random.Next(8) == 0 ? random.Next(-5, 50) : session.Turn,
            Digits = random.Next(4) == 0 ? null : digits,
            SpeechResult = random.Next(4) == 0 ? Pick(random, Garbage) : null,
            RecordingUrl = random.Next(2) == 0 ? "https://api.twilio.com/rec/RE1" : Pick(random, Garbage),
            RecordingDurationSeconds = random.Next(-5, 700),
            DialCallStatus = Pick(random, DialStatuses),
            QueueResult = Pick(random, QueueResults),
            QueuePosition = random.Next(-1, 100),
            QueueTimeSeconds = random.Next(-1, 10_000),
        };
    }

    private static FakeWorld Arranged(FakeTimeProvider time, bool known)
    {
        var world = new FakeWorld(time);
        var patient = new CallerProfile(Guid.NewGuid(), "王小明", "小明", "zh-CN", ["VIP"]);
        if (known)
        {
            world.PatientsByPhone[FlowRun.CallerNumber] = patient;
        }

        world.Verifications[("123456", "19800115")] = patient;
        world.NextAppointments[patient.PatientId] = new AppointmentSummary(Guid.NewGuid(), time.GetUtcNow().AddDays(1), "booked", "IM", "内科", "张建国");
        foreach (var department in new[] { "IM", "SURG", "PED", "OBGYN", "OPH" })
        {
            world.Departments.Add(department);
            world.FreeSlots[department] = [.. Enumerable.Range(0, 3).Select(i => new SlotOffer(Guid.NewGuid(), time.GetUtcNow().AddDays(2).AddMinutes(30 * i), department, department, "张建国"))];
        }

        return world;
    }

    private static FlowDefinition Load(string file)
    {
        var world = new FakeWorld(TimeProvider.System);
        foreach (var department in new[] { "IM", "SURG", "PED", "OBGYN", "OPH" })
        {
            world.Departments.Add(department);
        }

        var result = FlowLoader.Load(file, File.ReadAllText(RepoFiles.Path("flows", file)), FlowRun.Catalog(world));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Flow!;
    }

    private static FlowStart Start(int n, string? language = null, FlowInput? input = null) => new(
        $"CA{n:D32}",
        new Dictionary<string, FlowValue>
        {
            [FlowVariables.CallSid] = FlowValue.From($"CA{n:D32}"),
            [FlowVariables.From] = FlowValue.From(FlowRun.CallerNumber),
            [FlowVariables.To] = FlowValue.From(FlowRun.HotlineNumber),
        },
        language,
        input);

    private static FlowInput Sms(string body) => new() { Event = FlowEvent.SmsReceived, Body = body, Sid = "SM" + Guid.NewGuid().ToString("N") };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static void AssertValidVoice(FlowTurn turn, int seed, int call, bool holding = false)
    {
        var root = XDocument.Parse(turn.Twiml).Root!;
        Assert.Equal("Response", root.Name.LocalName);
        Assert.All(root.Elements(), e => Assert.Contains(e.Name.LocalName, VoiceVerbs));
        if (turn.Changed && !turn.Session.Ended)
        {
            // A live call always has something that will call the hub back. Hold music (a Pause, a Leave) only counts
            // in answer to the queue's own waitUrl, which Twilio requests again when it has played.
            Assert.True(root.Elements().Any(e => e.Name.LocalName is "Gather" or "Record" or "Enqueue" or "Dial" or "Redirect"
                    || (holding && e.Name.LocalName is "Pause" or "Leave")),
                $"seed {seed}, call {call}: the caller would be left in silence at step {turn.Session.CurrentStep}: {turn.Twiml}");
        }
    }

    private static void AssertValidSms(FlowTurn turn)
    {
        var root = XDocument.Parse(turn.Twiml).Root!;
        Assert.Equal("Response", root.Name.LocalName);
        Assert.All(root.Elements(), e => Assert.Equal("Message", e.Name.LocalName));
    }
}
