using System.Xml.Linq;
using CallCenter.Api.Ivr;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Telephony;
using CallCenter.Core.Ivr;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>
/// A hub (the real Program) reading flows from its own temp folder, and a Twilio that calls it: places calls,
/// answers the Gather the last TwiML rendered, sends texts. Flow edits are followed by an explicit reload (the same
/// one the file watcher runs), so tests never wait on file events.
/// </summary>
internal sealed class IvrHub : IAsyncDisposable
{
    public const string Caller = "+8613800138000";

    private IvrHub(ApiFactory api, string flowsPath)
    {
        Api = api;
        FlowsPath = flowsPath;
        Twilio = new TwilioWebhookClient(api);
    }

    public ApiFactory Api { get; }

    public string FlowsPath { get; }

    public TwilioWebhookClient Twilio { get; }

    public FlowRegistry Registry => Api.Services.GetRequiredService<FlowRegistry>();

    public static IvrHub Start(TestDatabase database, string? flowsPath = null)
    {
        flowsPath ??= Directory.CreateTempSubdirectory("callcenter-flows-").FullName;
        var api = new ApiFactory(database, new Dictionary<string, string?> { ["Ivr:FlowsPath"] = flowsPath });
        _ = api.Server;
        return new IvrHub(api, flowsPath);
    }

    public async Task WriteFlowAsync(string fileName, string json)
    {
        await File.WriteAllTextAsync(Path.Combine(FlowsPath, fileName), json);
        await Registry.ReloadAsync(CancellationToken.None);
    }

    public async Task<XDocument> CallAsync(string callSid, string to, string from = Caller)
    {
        var form = new VoiceRequest
        {
            CallSid = callSid,
            AccountSid = Twilio.Options.AccountSid,
            From = from,
            To = to,
            CallStatus = CallStatus.Ringing,
            Direction = CallDirection.Inbound,
            ApiVersion = "2010-04-01",
        }.ToForm();
        return await TwimlAsync(await Twilio.PostAsync("/twilio/voice", form));
    }

    /// <summary>Posts to the action URL of the Gather in <paramref name="twiml"/>, as Twilio does when the caller has typed.</summary>
    public Task<XDocument> AnswerGatherAsync(XDocument twiml, string callSid, string to, string? digits)
    {
        var action = twiml.Root!.Element("Gather")?.Attribute("action")?.Value
            ?? throw new InvalidOperationException("The TwiML has no Gather: " + twiml);
        return PostFlowAsync(new Uri(action).PathAndQuery, ActionForm(callSid, to, ("Digits", digits)));
    }

    public async Task<XDocument> PostFlowAsync(string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> form) =>
        await TwimlAsync(await Twilio.PostAsync(pathAndQuery, form));

    public IReadOnlyList<KeyValuePair<string, string>> ActionForm(string callSid, string to, params (string Name, string? Value)[] fields) =>
    [
        new("CallSid", callSid),
        new("AccountSid", Twilio.Options.AccountSid),
        new("From", Caller),
        new("To", to),
        new("CallStatus", "in-progress"),
        .. fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Name, f.Value!)),
    ];

    public static async Task<XDocument> TwimlAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var twiml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Response", twiml.Root?.Name.LocalName);
        return twiml;
    }

    /// <summary>Everything said in the document, Gather prompts included, in order.</summary>
    public static IReadOnlyList<string> Spoken(XDocument twiml) => [.. twiml.Descendants("Say").Select(s => s.Value)];

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        try
        {
            Directory.Delete(FlowsPath, recursive: true);
        }
        catch (IOException)
        {
            // Another hub of the test may still watch the folder; a temp folder left behind is harmless.
        }
    }
}
