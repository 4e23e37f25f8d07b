namespace CallCenter.Core.Routing;

/// <summary>The stored shape of an offer: kind and status as their codes.</summary>
internal sealed record OfferRow
{
    public const string Columns = """
        id, kind, queue_name, agent_id, queue_entry_id, callback_request_id, conversation_id, call_sid, patient_id, caller_number,
        language, waiting_since, status, offered_at, expires_at, ended_at, end_reason, transferred_by, transfer_note
        """;

    public Guid Id { get; init; }
    public string Kind { get; init; } = "";
    public string QueueName { get; init; } = "";
    public Guid AgentId { get; init; }
    public Guid? QueueEntryId { get; init; }
    public Guid? CallbackRequestId { get; init; }
    public Guid? ConversationId { get; init; }
    public string? CallSid { get; init; }
    public Guid? PatientId { get; init; }
    public string CallerNumber { get; init; } = "";
    public string Language { get; init; } = "";
    public DateTime WaitingSince { get; init; }
    public string Status { get; init; } = "";
    public DateTime OfferedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public string? EndReason { get; init; }
    public Guid? TransferredBy { get; init; }
    public string? TransferNote { get; init; }

    public static OfferRow From(Offer offer) => new()
    {
        Id = offer.Id, Kind = offer.Kind.ToCode(), QueueName = offer.QueueName, AgentId = offer.AgentId, QueueEntryId = offer.QueueEntryId,
        CallbackRequestId = offer.CallbackRequestId, ConversationId = offer.ConversationId, CallSid = offer.CallSid, PatientId = offer.PatientId,
        CallerNumber = offer.CallerNumber, Language = offer.Language, WaitingSince = offer.WaitingSince, Status = offer.Status.ToCode(),
        OfferedAt = offer.OfferedAt, ExpiresAt = offer.ExpiresAt, EndedAt = offer.EndedAt, EndReason = offer.EndReason,
        TransferredBy = offer.TransferredBy, TransferNote = offer.TransferNote,
    };

    public Offer ToOffer() => new()
    {
        Id = Id, Kind = OfferCodes.ParseKind(Kind), QueueName = QueueName, AgentId = AgentId, QueueEntryId = QueueEntryId,
        CallbackRequestId = CallbackRequestId, ConversationId = ConversationId, CallSid = CallSid, PatientId = PatientId,
        CallerNumber = CallerNumber, Language = Language, WaitingSince = WaitingSince, Status = OfferCodes.ParseStatus(Status),
        OfferedAt = OfferedAt, ExpiresAt = ExpiresAt, EndedAt = EndedAt, EndReason = EndReason,
        TransferredBy = TransferredBy, TransferNote = TransferNote,
    };
}
