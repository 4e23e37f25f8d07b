namespace CallCenter.Core.FollowUps;

public interface IFollowUpRepository
{
    /// <summary>Inserts the follow-up unless one exists for its call and recording; returns the stored one's ID.</summary>
    Task<Guid> AddAsync(FollowUp followUp, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FollowUp>> ForCallAsync(string callSid, CancellationToken cancellationToken = default);
}
