
namespace CallCenter.Core.Desk.Data;

public interface IScheduledCallbackRepository
{
    Task AddAsync(ScheduledCallback callback, CancellationToken cancellationToken = default);

    Task<ScheduledCallback?> FindAsync(Guid id, CancellationToken cancellationToken = default);
}
