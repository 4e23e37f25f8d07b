namespace CallCenter.Core.Surveys;

/// <summary>A survey question to send (the first one, when the survey is due), rendered by the outbox's survey template.</summary>
public sealed record SurveySms(Guid InvitationId, Guid PatientId, string Phone, string Language, string Question, DateTime DueAt, DateTime ExpiresAt)
{
    /// <summary>The outbox correlation of the invitation's messages.</summary>
    public string Correlation => "survey:" + InvitationId;
}
