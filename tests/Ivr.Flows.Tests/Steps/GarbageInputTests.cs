using System.Xml.Linq;
using Ivr.Flows.Execution;
using Ivr.Flows.Services;
using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Steps;

/// <summary>Random keypad and speech input into the steps that wait (verify, book) never breaks the call.</summary>
public sealed class GarbageInputTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["zh-CN", "en-US"], "start": "who",
          "steps": [
            { "id": "who", "type": "identify", "known": "dob", "unknown": "dob" },
            { "id": "dob", "type": "verify", "method": "mrn", "retries": 5,
              "prompt": { "zh-CN": "请输入出生日期", "en-US": "Date of birth" }, "verified": "book", "fallback": "end" },
            { "id": "book", "type": "book", "department": "cardiology", "retries": 5,
              "prompt": { "zh-CN": "请选择", "en-US": "Choose" }, "booked": "end", "none": "end", "fallback": "end" },
            { "id": "end", "type": "hangup" }
          ]
        }
        """;

    private static readonly string[] Junk = ["", " ", "#", "*", "0", "9", "19800115", "1", "2", "99999999999999999999999", "1a", "123456#", "<Say>", "\u0000", "１２", "-1", "１", "'; drop table", "19800115#"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RandomInput_AlwaysValidTwimlAndNoCrash(int seed)
    {
        var random = new Random(seed);
        var patientId = Guid.Parse("0199a0b0-0000-7000-8000-000000000009");
        var patient = new CallerProfile(patientId, "Sun Li", "Li", "zh-CN", []);
        var run = FlowRun.Of(Flow, arrange: w =>
        {
            w.PatientsByPhone[FlowRun.CallerNumber] = patient;
            w.Verifications[("123456", "19800115")] = patient;
            w.FreeSlots["cardiology"] = [new SlotOffer(Guid.NewGuid(), DateTimeOffset.Parse("2026-11-24T01:30:00Z", System.Globalization.CultureInfo.InvariantCulture), "cardiology", "心内科", "王医生")];
        });
        await run.StartAsync();

        for (var i = 0; i < 40 && !run.Session.Ended; i++)
        {
            var junk = Junk[random.Next(Junk.Length)];
            await (random.Next(3) switch
            {
                0 => run.PressAsync(junk),
                1 => run.SayAsync(junk),
                _ => run.TimeoutAsync(),
            });

            Assert.Equal("Response", XDocument.Parse(run.Last.Twiml).Root!.Name.LocalName);
            Assert.DoesNotContain(run.Session.Trace, t => t.Event == "error");
        }
    }
}
