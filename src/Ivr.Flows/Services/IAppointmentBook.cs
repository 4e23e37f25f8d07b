namespace Ivr.Flows.Services;

/// <summary>The appointment actions a caller may take by keypad, always for the verified or recognised patient.</summary>
public interface IAppointmentBook
{
    /// <summary>The patient's next booked (or confirmed) appointment from now on, or null.</summary>
    Task<AppointmentSummary?> NextAsync(Guid patientId, CancellationToken cancellationToken);

    Task<AppointmentActionResult> ConfirmAsync(Guid patientId, Guid appointmentId, CancellationToken cancellationToken);

    Task<AppointmentActionResult> CancelAsync(Guid patientId, Guid appointmentId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> free slots of a department from now on, earliest first.</summary>
    Task<IReadOnlyList<SlotOffer>> FreeSlotsAsync(string departmentCode, int count, CancellationToken cancellationToken);

    Task<AppointmentActionResult> BookAsync(Guid patientId, Guid slotId, CancellationToken cancellationToken);

    /// <summary>
    /// Answers a waitlist offer (the pending reply it opened): <paramref name="accept"/> books the offered place if
    /// still free. Succeeded with the booked appointment, or with reason <c>declined</c>; else reason <c>taken</c>
    /// (another patient was first), <c>expired</c> or <c>not-found</c>.
    /// </summary>
    Task<AppointmentActionResult> AnswerOfferAsync(Guid pendingReplyId, bool accept, CancellationToken cancellationToken);

    /// <summary>Department codes that exist, for validation.</summary>
    Task<IReadOnlySet<string>> DepartmentCodesAsync(CancellationToken cancellationToken);
}
