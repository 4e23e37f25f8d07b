using AgentDesk.Contracts;

namespace AgentConsole.Desk;

/// <summary>An SMS conversation on the desk; messages oldest first, each once even if the hub sends it again.</summary>
internal sealed class ConversationView(Guid conversationId, Guid? offerId, Guid? patientId, string? patientName)
{
    private readonly List<DeskSms> _messages = [];

    public Guid ConversationId { get; } = conversationId;

    public Guid? OfferId { get; } = offerId;

    public Guid? PatientId { get; } = patientId;

    public string? PatientName { get; } = patientName;

    public IReadOnlyList<DeskSms> Messages => _messages;

    public static ConversationView From(DeskConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var view = new ConversationView(conversation.ConversationId, conversation.OfferId, conversation.PatientId, conversation.PatientName);
        foreach (var sms in conversation.Messages)
        {
            view.Add(sms);
        }

        return view;
    }

    public void Add(DeskSms sms)
    {
        if (_messages.TrueForAll(m => m.MessageSid != sms.MessageSid))
        {
            _messages.Add(sms);
        }
    }
}
