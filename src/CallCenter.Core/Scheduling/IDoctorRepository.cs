using CallCenter.Core.Common;

namespace CallCenter.Core.Scheduling;

public interface IDoctorRepository
{
    Task CreateAsync(Doctor doctor, CancellationToken cancellationToken = default);

    Task<Doctor?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Doctors by name, optionally in one department.</summary>
    Task<Page<Doctor>> ListAsync(Guid? departmentId, PageRequest page, CancellationToken cancellationToken = default);
}
