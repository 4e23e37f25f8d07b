namespace CallCenter.Api.Tests.Ivr;

/// <summary>Flow files for the hosting tests, each bound to its own number so tests sharing a hub do not meet.</summary>
internal static class TestFlows
{
    /// <summary>A hotline number no other test uses.</summary>
    public static string Number() => "+86105" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string FileName(string prefix) => $"{prefix}-{Guid.NewGuid():N}.json";

    /// <summary>A voice (or SMS) flow that asks for four digits, then says "<paramref name="reply"/> {pin}" and ends.</summary>
    public static string Gather(string id, string number, string reply = "Got", string kind = "voice") => $$"""
        {
          "id": "{{id}}", "kind": "{{kind}}", "numbers": ["{{number}}"], "languages": ["en-US"], "start": "pin",{{(kind == "sms" ? SmsTexts : "")}}
          "steps": [
            { "id": "pin", "type": "gather", "numDigits": 4, "pattern": "^[0-9]{4}$", "variable": "pin", "retries": 1,
              "prompt": { "en-US": "Enter four digits" }, "next": "ok", "fallback": "bye" },
            { "id": "ok", "type": "say", "prompt": { "en-US": "{{reply}} {pin}" } },
            { "id": "bye", "type": "hangup", "prompt": { "en-US": "Goodbye" } }
          ]
        }
        """;

    /// <summary>A flow that verifies the caller (record number, then date of birth) and says so: no patient data spoken.</summary>
    public static string Verify(string id, string number) => $$"""
        {
          "id": "{{id}}", "kind": "voice", "numbers": ["{{number}}"], "languages": ["en-US"], "start": "verify",
          "steps": [
            { "id": "verify", "type": "verify", "method": "mrn", "retries": 1,
              "prompt": { "en-US": "Enter your record number" }, "birthDatePrompt": { "en-US": "Enter your date of birth" },
              "verified": "ok", "fallback": "bye" },
            { "id": "ok", "type": "gather", "numDigits": 1, "variable": "any", "prompt": { "en-US": "Verified" }, "next": "bye", "fallback": "bye" },
            { "id": "bye", "type": "hangup", "prompt": { "en-US": "Goodbye" } }
          ]
        }
        """;

    private const string SmsTexts = """

          "helpText": { "en-US": "Help" }, "optOutText": { "en-US": "Stopped" }, "optInText": { "en-US": "Started" },
        """;

    /// <summary>The same flow with a transition to a step that does not exist: refused on step 'pin', field 'next'.</summary>
    public static string Broken(string id, string number) =>
        Gather(id, number).Replace("\"next\": \"ok\"", "\"next\": \"nowhere\"", StringComparison.Ordinal);
}
