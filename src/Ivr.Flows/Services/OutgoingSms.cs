namespace Ivr.Flows.Services;

/// <summary>
/// An SMS a flow sends. <see cref="Purpose"/> (e.g. <c>appointment</c>) lets a reply be matched to it.
/// <see cref="From"/> is the hotline number the patient called: the sender when the hub has no SMS number configured.
/// </summary>
public sealed record OutgoingSms(string To, string Body, Guid? PatientId, string Purpose, Guid? AppointmentId = null, string? From = null);
