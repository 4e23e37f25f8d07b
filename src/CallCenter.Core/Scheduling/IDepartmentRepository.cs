using CallCenter.Core.Common;

namespace CallCenter.Core.Scheduling;

public interface IDepartmentRepository
{
    /// <summary>Inserts the department; false when its code is taken.</summary>
    Task<bool> TryCreateAsync(Department department, CancellationToken cancellationToken = default);

    Task<Department?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The department with this exact code, if any.</summary>
    Task<Department?> FindByCodeAsync(string code, CancellationToken cancellationToken = default);

    Task<Page<Department>> ListAsync(PageRequest page, CancellationToken cancellationToken = default);
}
