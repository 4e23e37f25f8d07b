using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Agent.Console.Tests.Terminal;

/// <summary>
/// A patient's phone on the hub's carrier simulator (its Twilio-protocol phone API), over real HTTP: calls the
/// hotline, presses keys when the hub asks, hangs up. Waits poll the call's transcript until a deadline.
/// </summary>
internal sealed class CallerPhone
{
    public const string Hotline = "+861065550000";

    private readonly HttpClient _carrier;

    private CallerPhone(HttpClient carrier, string callSid)
    {
        _carrier = carrier;
        CallSid = callSid;
    }

    public string CallSid { get; }

    public static async Task<CallerPhone> CallAsync(HttpClient carrier, string from)
    {
        var placed = await carrier.PostAsJsonAsync("/simulator/calls", new { from, to = Hotline });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var call = await placed.Content.ReadFromJsonAsync<PlacedCall>();
        return new CallerPhone(carrier, call!.CallSid);
    }

    /// <summary>Waits for the hub to ask for keys (the first menu), then presses <paramref name="digits"/>.</summary>
    public async Task PressAtFirstMenuAsync(string digits)
    {
        await WaitForAsync(c => c.Transcript.Any(l => l.Kind == "gather"), "the hotline's menu");
        var pressed = await _carrier.PostAsJsonAsync($"/simulator/calls/{CallSid}/digits", new { digits });
        Assert.Equal(HttpStatusCode.Accepted, pressed.StatusCode);
    }

    public async Task<SimulatedCall> WaitForAsync(Func<SimulatedCall, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var call = (await _carrier.GetFromJsonAsync<SimulatedCall>($"/simulator/calls/{CallSid}"))!;
            if (done(call))
            {
                return call;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"Waited 30s for {what}. The call: {call.Status}\n{string.Join('\n', call.Transcript.Select(l => $"  {l.Kind}: {l.Text}"))}");
            }

            await Task.Delay(100);
        }
    }

    private sealed record PlacedCall(string CallSid);
}

/// <summary>A call as the simulator's phone sees it.</summary>
internal sealed record SimulatedCall(string CallSid, string Status, IReadOnlyList<SimulatedLine> Transcript);

internal sealed record SimulatedLine(string Kind, string Text);
