using System.Data.Common;

namespace CallCenter.Core.Surveys;

/// <summary>
/// Where surveys put their first question, inside the transaction that opens the invitation: the notification outbox
/// implements it (consent, quiet hours and caps apply when it is sent).
/// </summary>
public interface ISurveyOutbox
{
    Task EnqueueAsync(SurveySms message, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>
    /// True when the invitation's message left the hub (so a reply can be its answer); false when it is still
    /// waiting, was held back (no consent, quiet hours, caps) or failed.
    /// </summary>
    Task<bool> WasSentAsync(Guid invitationId, CancellationToken cancellationToken);
}
