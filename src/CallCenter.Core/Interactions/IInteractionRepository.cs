using System.Data.Common;
using CallCenter.Core.Common;

namespace CallCenter.Core.Interactions;

/// <summary>The patient timeline. No scope checks here: callers apply PatientAccess.</summary>
public interface IInteractionRepository
{
    Task AddAsync(Interaction interaction, CancellationToken cancellationToken = default);

    /// <summary>Adds entries inside another feature's transaction (a batch of sends recorded with their entries).</summary>
    Task AddAsync(DbTransaction transaction, IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default);

    /// <summary>The patient's interactions, newest first.</summary>
    Task<Page<Interaction>> TimelineAsync(Guid patientId, PageRequest page, CancellationToken cancellationToken = default);
}
