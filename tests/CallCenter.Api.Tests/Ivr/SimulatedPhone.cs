using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>
/// A patient's phone on the carrier simulator, over real HTTP: places a call, presses keys when the hub asks, speaks,
/// hangs up, and reads the call's transcript. The simulator works asynchronously, as Twilio does, so
/// every wait polls the transcript until a deadline (never a sleep for timing).
/// </summary>
internal sealed class SimulatedPhone
{
    public const string Hotline = "+861065550000";

    private readonly HttpClient _carrier;
    private int _gathersAnswered;

    private SimulatedPhone(HttpClient carrier, string number, string callSid)
    {
        _carrier = carrier;
        Number = number;
        CallSid = callSid;
    }

    public string Number { get; }

    public string CallSid { get; }

    /// <summary>Calls the hotline from <paramref name="number"/> through the simulator <paramref name="carrier"/> is pointed at.</summary>
    public static async Task<SimulatedPhone> CallAsync(HttpClient carrier, string number, string to = Hotline)
    {
        var placed = await carrier.PostAsJsonAsync("/simulator/calls", new { from = number, to });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var call = await placed.Content.ReadFromJsonAsync<PlacedCall>();
        return new SimulatedPhone(carrier, number, call!.CallSid);
    }

    /// <summary>The phone at <paramref name="number"/> on a call the hub placed to it (the carrier's <paramref name="callSid"/>).</summary>
    public static SimulatedPhone Answering(HttpClient carrier, string number, string callSid) => new(carrier, number, callSid);

    public async Task<PhoneCall> ReadAsync() =>
        (await _carrier.GetFromJsonAsync<PhoneCall>($"/simulator/calls/{CallSid}"))!;

    /// <summary>Waits until the hub asks for input again (a Gather not answered yet), then presses <paramref name="digits"/>.</summary>
    public async Task<PhoneCall> PressAsync(string digits)
    {
        var call = await WaitForNextGatherAsync();
        await PostDigitsAsync(digits);
        return call;
    }

    /// <summary>Presses keys now, without waiting for the hub to ask (type-ahead when nothing gathers).</summary>
    public async Task PostDigitsAsync(string digits)
    {
        var pressed = await _carrier.PostAsJsonAsync($"/simulator/calls/{CallSid}/digits", new { digits });
        Assert.Equal(HttpStatusCode.Accepted, pressed.StatusCode);
    }

    /// <summary>Waits for a Gather beyond those already answered, and counts it as answered.</summary>
    public async Task<PhoneCall> WaitForNextGatherAsync()
    {
        var wanted = ++_gathersAnswered;
        return await WaitForAsync(c => c.Lines("gather").Count() >= wanted, $"gather #{wanted}");
    }

    /// <summary>
    /// Waits for the recording to start, says <paramref name="words"/> for <paramref name="length"/> on the carrier's
    /// clock (a recording's duration is measured on it; a zero-second one is no message) and ends it with the hash key.
    /// </summary>
    public async Task RecordAsync(string words, FakeTimeProvider carrierClock, TimeSpan length)
    {
        await WaitForAsync(c => c.Lines("record").Any(), "the recording to start");
        Assert.Equal(HttpStatusCode.Accepted, (await _carrier.PostAsJsonAsync($"/simulator/calls/{CallSid}/speech", new { text = words })).StatusCode);
        carrierClock.Advance(length);
        await PostDigitsAsync("#");
    }

    /// <summary>
    /// Says nothing while the hub asks, until <paramref name="times"/> more Gathers have timed out: whenever a Gather is
    /// open, moves the carrier's clock by <paramref name="timeout"/> (again if the simulator's wait had not started yet).
    /// The clock moves right after the read that saw the Gather open; before the simulator could have asked the hub for
    /// the next one, so a later Gather is never timed out by mistake.
    /// </summary>
    public async Task<PhoneCall> StaySilentAsync(FakeTimeProvider carrierClock, TimeSpan timeout, int times)
    {
        var wanted = (await ReadAsync()).Lines("gather-timeout").Count() + times;
        var call = await Polling.UntilAsync(
            async () =>
            {
                var now = await ReadAsync();
                if (now.Lines("gather-timeout").Count() < wanted && now.Lines("gather").Count() > Ended(now))
                {
                    carrierClock.Advance(timeout);
                }

                return now;
            },
            c => c.Lines("gather-timeout").Count() >= wanted,
            $"{times} gather timeout(s)");
        _gathersAnswered = Ended(call);
        return call;

        static int Ended(PhoneCall c) => c.Lines("gathered").Count() + c.Lines("gather-timeout").Count();
    }

    public Task<PhoneCall> WaitForStatusAsync(string status) =>
        WaitForAsync(c => c.Status == status, $"status {status}");

    public Task<PhoneCall> WaitForAsync(Func<PhoneCall, bool> done, string what) => Polling.UntilAsync(ReadAsync, done, what);

    public async Task HangUpAsync()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await _carrier.PostAsync($"/simulator/calls/{CallSid}/hangup", null)).StatusCode);
    }

    /// <summary>Texts <paramref name="body"/> from this phone to <paramref name="to"/>; the simulator answers once the hub has.</summary>
    public async Task TextAsync(string to, string body)
    {
        var sent = await _carrier.PostAsJsonAsync("/simulator/sms", new { from = Number, to, body });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
    }

    /// <summary>The SMS thread of this phone, both directions.</summary>
    public async Task<IReadOnlyList<PhoneMessage>> MessagesAsync() =>
        (await _carrier.GetFromJsonAsync<List<PhoneMessage>>($"/simulator/sms?number={Uri.EscapeDataString(Number)}"))!;

    private sealed record PlacedCall(string CallSid);
}

/// <summary>A call as the simulated phone sees it.</summary>
internal sealed record PhoneCall(string CallSid, string Status, IReadOnlyList<PhoneLine> Transcript)
{
    public IEnumerable<PhoneLine> Lines(string kind) => Transcript.Where(l => l.Kind == kind);

    /// <summary>What was said, in order, with the language of each Say.</summary>
    public IReadOnlyList<PhoneLine> Said => [.. Lines("say")];

    public override string ToString() =>
        $"{CallSid} {Status}\n" + string.Join('\n', Transcript.Select(l => $"  {l.Kind}: {l.Text} {l.Language}"));
}

internal sealed record PhoneLine(DateTimeOffset At, string Kind, string Text, IReadOnlyDictionary<string, string>? Details)
{
    public string? Language => Details?.GetValueOrDefault("language");
}

internal sealed record PhoneMessage(string Sid, string From, string To, string Body, string Direction, string Status);
