using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Data;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Tests.Scheduling;

/// <summary>Rows the scheduling tests need, each unique so tests can share a database.</summary>
internal static class SchedulingTestData
{
    public static readonly DateTime Monday = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);

    // Patients belong to another feature; tests insert the few required columns directly.
    private const string InsertPatientSql = """
        INSERT INTO patient (id, full_name, search_name, gender, date_of_birth, email, preferred_language, time_zone, mrn, notes, assigned_user_id, created_at, updated_at)
        VALUES (@Id, @Name, @Name, 'unknown', NULL, NULL, 'zh', 'Asia/Shanghai', NULL, NULL, @AssignedUserId, @Now, @Now)
        """;

    public static async Task<Guid> AddPatientAsync(IServiceProvider services, Guid? assignedUserId = null)
    {
        var id = Guid.NewGuid();
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync(InsertPatientSql, new { Id = id, Name = UniqueData.Name("patient"), AssignedUserId = assignedUserId, Now = Monday });
        return id;
    }

    public static async Task<UserAccount> AddUserAsync(IServiceProvider services, string role)
    {
        var user = new UserAccount
        {
            Id = Guid.NewGuid(), UserName = UniqueData.Name(role), DisplayName = "Test", Role = role, PasswordHash = "x", CreatedAt = Monday,
        };
        Assert.True(await services.GetRequiredService<IUserRepository>().TryCreateAsync(user));
        return user;
    }

    public static Actor ToActor(this UserAccount user) => new(user.Id, user.UserName, user.Role);

    public static async Task<Doctor> AddDoctorAsync(IServiceProvider services)
    {
        var department = new Department { Id = Guid.NewGuid(), Code = UniqueData.Name("D"), Name = "Cardiology", CreatedAt = Monday };
        Assert.True(await services.GetRequiredService<IDepartmentRepository>().TryCreateAsync(department));
        var doctor = new Doctor { Id = Guid.NewGuid(), DepartmentId = department.Id, Name = UniqueData.Name("dr"), Title = "Chief", CreatedAt = Monday };
        await services.GetRequiredService<IDoctorRepository>().CreateAsync(doctor);
        return doctor;
    }

    public static Slot NewSlot(Guid doctorId, DateTime startsAt, int minutes = 30, int capacity = 1) => new()
    {
        Id = Guid.NewGuid(), DoctorId = doctorId, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(minutes), Capacity = capacity, CreatedAt = Monday,
    };

    public static async Task<Slot> AddSlotAsync(IServiceProvider services, int capacity = 1, DateTime? startsAt = null)
    {
        var doctor = await AddDoctorAsync(services);
        var slot = NewSlot(doctor.Id, startsAt ?? Monday.AddHours(9), capacity: capacity);
        Assert.Equal(SlotCreateOutcome.Created, await services.GetRequiredService<ISlotRepository>().CreateAsync(slot));
        return slot;
    }

    public static Appointment NewAppointment(Guid patientId, Guid slotId, AppointmentChannel channel = AppointmentChannel.Phone) => new()
    {
        Id = Guid.NewGuid(),
        PatientId = patientId,
        SlotId = slotId,
        Status = AppointmentStatus.Booked,
        Channel = channel,
        Reason = "check-up",
        BookedAt = Monday,
        UpdatedAt = Monday,
    };

    private const string CountHoldingSql = "SELECT COUNT(*) FROM appointment WHERE slot_id = @SlotId AND status <> 'cancelled'";

    /// <summary>Appointments of the slot that hold a place (everything but cancelled).</summary>
    public static async Task<long> CountHoldingAsync(IServiceProvider services, Guid slotId)
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(CountHoldingSql, new { SlotId = slotId });
    }

    public static async Task<int> BookedCountAsync(IServiceProvider services, Guid slotId) =>
        (await services.GetRequiredService<ISlotRepository>().FindAsync(slotId))!.BookedCount;

    // Read directly: IAuditLog.QueryAsync sends untyped nulls for its other filters, which PostgreSQL refuses.
    private const string AuditForPatientSql = "SELECT id, occurred_at, user_id, user_name, operation, patient_id, outcome, detail FROM audit_entry WHERE patient_id = @PatientId";

    public static async Task<IReadOnlyList<AuditEntry>> AuditForPatientAsync(IServiceProvider services, Guid patientId)
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return (await connection.QueryAsync<AuditEntry>(AuditForPatientSql, new { PatientId = patientId })).AsList();
    }
}
