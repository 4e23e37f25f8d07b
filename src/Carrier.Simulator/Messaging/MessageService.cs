using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Carrier.Simulator.Calls;
using Carrier.Simulator.Hub;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Messaging;

/// <summary>A message the carrier refused, with Twilio's error code.</summary>
internal sealed record MessageRefusal(int Code, string Message, string Field);

/// <summary>
/// SMS both ways: messages the hub sends (REST or TwiML reply) are delivered to the simulated phone with status
/// callbacks queued, sent, delivered; messages a simulated patient sends are posted to the hub signed, as Twilio does.
/// </summary>
internal sealed partial class MessageService(
    MessageStore store,
    HubWebhookClient hub,
    TimeProvider time,
    IOptions<CarrierSimulatorOptions> options,
    IOptions<TwilioOptions> twilio)
{
    /// <summary>Checks a message from the hub; null when the carrier accepts it.</summary>
    public MessageRefusal? Check(string? to, string? from, string? body)
    {
        if (string.IsNullOrWhiteSpace(to) || !PhoneNumber().IsMatch(to))
        {
            return new MessageRefusal(TwilioErrorCodes.InvalidToNumber, $"The 'To' number {to} is not a valid phone number.", "To");
        }

        if (string.IsNullOrWhiteSpace(from))
        {
            return new MessageRefusal(21603, "A 'From' phone number is required.", "From");
        }

        if (string.IsNullOrEmpty(body))
        {
            return new MessageRefusal(21602, "Message body is required.", "Body");
        }

        if (body.Length > CreateMessageRequest.MaxBodyLength)
        {
            return new MessageRefusal(21617, "The concatenated message body exceeds the 1600 character limit.", "Body");
        }

        return store.IsOptedOut(to, from)
            ? new MessageRefusal(TwilioErrorCodes.RecipientOptedOut, "Attempt to send to unsubscribed recipient", "To")
            : null;
    }

    /// <summary>Accepts a checked message from the hub and delivers it in the background.</summary>
    public SimulatedMessage Send(string to, string from, string body, string? statusCallback, string direction = "outbound-api")
    {
        var message = new SimulatedMessage
        {
            Sid = Sids.New("SM"),
            AccountSid = twilio.Value.AccountSid,
            From = from,
            To = to,
            Body = body,
            Direction = direction,
            DateCreated = time.GetUtcNow(),
            NumSegments = SmsText.Segments(body),
            StatusCallback = statusCallback,
            Status = MessageStatus.Queued,
        };
        store.Add(message);
        message.Delivery = Task.Run(() => DeliverAsync(message));
        return message;
    }

    /// <summary>A simulated patient texts the hub; the hub's TwiML reply (Message verbs) is delivered back.</summary>
    public async Task<SimulatedMessage> ReceiveAsync(string from, string to, string body, CancellationToken cancellationToken)
    {
        var message = new SimulatedMessage
        {
            Sid = Sids.New("SM"),
            AccountSid = twilio.Value.AccountSid,
            From = from,
            To = to,
            Body = body,
            Direction = "inbound",
            DateCreated = time.GetUtcNow(),
            NumSegments = SmsText.Segments(body),
        };
        message.MoveTo(MessageStatus.Received, message.DateCreated);
        store.Add(message);
        if (SmsText.IsOptOut(body))
        {
            store.SetOptedOut(from, to, true);
        }
        else if (SmsText.IsOptIn(body))
        {
            store.SetOptedOut(from, to, false);
        }

        var fields = new List<KeyValuePair<string, string>>(new IncomingMessage
        {
            MessageSid = message.Sid,
            AccountSid = message.AccountSid,
            From = from,
            To = to,
            Body = body,
            NumSegments = message.NumSegments,
        }.ToForm())
        {
            new("SmsMessageSid", message.Sid),
            new("SmsSid", message.Sid),
            new("SmsStatus", "received"),
            new("ApiVersion", CallStatusReporter.ApiVersion),
        };
        var response = await hub.SendAsync(hub.HubUrl(options.Value.SmsPath), "POST", fields, cancellationToken);
        if (response.IsSuccess)
        {
            Reply(message, response.Body);
        }

        return message;
    }

    private void Reply(SimulatedMessage incoming, string twiml)
    {
        XElement? root;
        try
        {
            root = string.IsNullOrWhiteSpace(twiml) ? null : XDocument.Parse(twiml).Root;
        }
        catch (XmlException)
        {
            return;
        }

        foreach (var verb in root?.Elements().Where(e => e.Name.LocalName == "Message") ?? [])
        {
            var text = verb.Element(verb.Name.Namespace + "Body")?.Value ?? verb.OwnText();
            var to = verb.Text("to") ?? incoming.From;
            var from = verb.Text("from") ?? incoming.To;
            var callback = verb.Text("statusCallback") ?? verb.Text("action");
            var refusal = Check(to, from, text);
            if (refusal is null)
            {
                Send(to, from, text, callback is null ? null : TwimlAttributes.Resolve(hub.HubUrl(options.Value.SmsPath), callback), "outbound-reply");
            }
        }
    }

    private async Task DeliverAsync(SimulatedMessage message)
    {
        foreach (var status in new[] { MessageStatus.Queued, MessageStatus.Sent, MessageStatus.Delivered })
        {
            message.MoveTo(status, time.GetUtcNow());
            if (message.StatusCallback is null)
            {
                continue;
            }

            var fields = new List<KeyValuePair<string, string>>(new MessageStatusCallback
            {
                MessageSid = message.Sid,
                AccountSid = message.AccountSid,
                MessageStatus = status,
                From = message.From,
                To = message.To,
            }.ToForm())
            {
                new("SmsSid", message.Sid),
                new("SmsStatus", WebhookNames.MessageStatus.ToWire(status)),
                new("ApiVersion", CallStatusReporter.ApiVersion),
            };
            try
            {
                await hub.SendAsync(message.StatusCallback, "POST", fields, CancellationToken.None);
            }
            catch (HttpRequestException)
            {
                // Twilio does not retry status callbacks the hub failed to take; neither does the simulator.
            }
        }
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex PhoneNumber();
}
