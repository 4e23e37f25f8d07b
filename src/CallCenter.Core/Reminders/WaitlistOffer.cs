namespace CallCenter.Core.Reminders;

/// <summary>A freed place offered to one waiting patient (see <see cref="WaitlistOfferStatuses"/>).</summary>
public sealed record WaitlistOffer
{
    public required Guid Id { get; init; }
    public required Guid SlotId { get; init; }
    public required Guid PatientId { get; init; }
    public Guid? WaitlistEntryId { get; init; }
    public Guid? PendingReplyId { get; init; }
    public required string Status { get; init; }
    public required DateTime OfferedAt { get; init; }
    public required DateTime ExpiresAt { get; init; }
    public DateTime? AnsweredAt { get; init; }
    public Guid? AppointmentId { get; init; }
}
