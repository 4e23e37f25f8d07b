using AgentConsole.Desk;
using AgentDesk.Contracts;

namespace AgentConsole.Ui;

/// <summary>SMS: reply in a conversation the agent holds (or text the caller on the call), and end a conversation.</summary>
internal sealed partial class DeskActions
{
    private const string CallerOnTheCall = "the caller on the call";

    public void SendSms()
    {
        var targets = SmsTargets();
        if (targets.Count == 0)
        {
            model.ShowError("SMS: no conversation or call on screen to text.");
            return;
        }

        var labels = targets.Select(t => t.Label).ToList();
        var answers = FormDialog.Ask(app, "Send an SMS", [new FormField("to", "To:", labels[0], labels), new FormField("body", "Message:")]);
        if (answers is null || answers["body"].Length == 0)
        {
            return;
        }

        var offerId = targets[labels.IndexOf(answers["to"])].OfferId;
        Send("SMS", () => connection.SendSmsAsync(new SendSmsRequest(offerId, answers["body"])), "SMS sent.");
    }

    public void EndConversation()
    {
        var conversations = model.Conversations;
        if (conversations.Count == 0)
        {
            model.ShowError("End SMS: no conversation to end.");
            return;
        }

        var labels = conversations.Select(Label).ToList();
        var answers = FormDialog.Ask(app, "End an SMS conversation", [new FormField("conversation", "Conversation:", labels[0], labels)]);
        if (answers is not null)
        {
            var id = conversations[labels.IndexOf(answers["conversation"])].ConversationId;
            Send("End SMS", () => connection.CloseConversationAsync(id), "Conversation ended.", refreshDesk: true);
        }
    }

    private List<(string Label, Guid OfferId)> SmsTargets()
    {
        var targets = new List<(string Label, Guid OfferId)>();
        if (model.Call is { } call)
        {
            targets.Add((CallerOnTheCall, call.OfferId));
        }

        targets.AddRange(model.Conversations.Where(c => c.OfferId is not null).Select(c => (Label(c), c.OfferId!.Value)));
        return targets;
    }

    private static string Label(ConversationView conversation) =>
        $"{conversation.PatientName ?? "unknown patient"} ({conversation.Messages.Count} messages, {conversation.ConversationId.ToString()[..8]})";
}
