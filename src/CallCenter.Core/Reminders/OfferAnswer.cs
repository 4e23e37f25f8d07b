namespace CallCenter.Core.Reminders;

/// <summary>What became of a patient's answer to a waitlist offer.</summary>
public enum OfferAnswer
{
    /// <summary>The place is theirs: <see cref="OfferAnswerResult.Appointment"/> is booked.</summary>
    Accepted,
    Declined,

    /// <summary>Another patient accepted first.</summary>
    Taken,
    Expired,
    NotFound,
}
