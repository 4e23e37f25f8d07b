using System.Text.Json;
using System.Text.Json.Nodes;
using Twilio.Protocol.Tests.Reference;

namespace Twilio.Protocol.Tests.Signatures;

/// <summary>Asks Twilio's official Node library (sign.js) to sign or validate requests.</summary>
internal static class SignatureReference
{
    public static async Task<(string Signature, bool Valid)> SignFormAsync(string token, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var result = await RunAsync(new JsonObject { ["kind"] = "form", ["token"] = token, ["url"] = url, ["params"] = Pairs(parameters) });
        return (result["signature"]!.GetValue<string>(), result["valid"]!.GetValue<bool>());
    }

    public static async Task<(string Url, string BodyHash, string Signature, bool Valid)> SignJsonAsync(string token, string url, string body)
    {
        var result = await RunAsync(new JsonObject { ["kind"] = "json", ["token"] = token, ["url"] = url, ["body"] = body });
        return (result["url"]!.GetValue<string>(), result["bodyHash"]!.GetValue<string>(), result["signature"]!.GetValue<string>(), result["valid"]!.GetValue<bool>());
    }

    public static async Task<bool> ValidateFormAsync(string token, string url, IEnumerable<KeyValuePair<string, string>> parameters, string signature)
    {
        var result = await RunAsync(new JsonObject
        {
            ["kind"] = "validate-form", ["token"] = token, ["url"] = url, ["params"] = Pairs(parameters), ["signature"] = signature,
        });
        return result["valid"]!.GetValue<bool>();
    }

    public static async Task<bool> ValidateJsonAsync(string token, string url, string body, string signature)
    {
        var result = await RunAsync(new JsonObject
        {
            ["kind"] = "validate-json", ["token"] = token, ["url"] = url, ["body"] = body, ["signature"] = signature,
        });
        return result["valid"]!.GetValue<bool>();
    }

    /// <summary>Signs every case with the official library in one node run, and validates our signature (and a flipped one) for each.</summary>
    public static async Task<IReadOnlyDictionary<string, (string OfficialSignature, bool OursValid, bool FlippedValid)>> RunAllAsync(
        IReadOnlyList<FormCase> cases, Func<FormCase, string> ourSignature, Func<string, string> flip)
    {
        var requests = new JsonArray();
        foreach (var form in cases)
        {
            requests.Add(new JsonObject { ["kind"] = "form", ["token"] = FormCase.Token, ["url"] = form.Url, ["params"] = Pairs(form.Parameters) });
            foreach (var signature in new[] { ourSignature(form), flip(ourSignature(form)) })
            {
                requests.Add(new JsonObject
                {
                    ["kind"] = "validate-form", ["token"] = FormCase.Token, ["url"] = form.Url, ["params"] = Pairs(form.Parameters), ["signature"] = signature,
                });
            }
        }

        var results = JsonNode.Parse(await ReferenceTools.RunNodeAsync("sign.js", requests.ToJsonString()))!.AsArray();
        return cases.Select((form, i) => (form.Name, Result: (
                results[3 * i]!["signature"]!.GetValue<string>(),
                results[(3 * i) + 1]!["valid"]!.GetValue<bool>(),
                results[(3 * i) + 2]!["valid"]!.GetValue<bool>())))
            .ToDictionary(x => x.Name, x => x.Result);
    }

    private static JsonArray Pairs(IEnumerable<KeyValuePair<string, string>> parameters) =>
        new(parameters.Select(p => (JsonNode)new JsonArray(p.Key, p.Value)).ToArray());

    private static async Task<JsonNode> RunAsync(JsonObject request)
    {
        var output = await ReferenceTools.RunNodeAsync("sign.js", new JsonArray(request).ToJsonString());
        return JsonNode.Parse(output)!.AsArray()[0]!;
    }
}
