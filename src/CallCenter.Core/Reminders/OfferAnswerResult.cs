using CallCenter.Core.Scheduling;

namespace CallCenter.Core.Reminders;

public sealed record OfferAnswerResult(OfferAnswer Answer, Appointment? Appointment = null);
