using CallCenter.Core.Data;
using CallCenter.Core.Ivr.Ports;
using CallCenter.Core.Messaging;
using CallCenter.Core.Reminders;
using CallCenter.Core.Scheduling;
using CallCenter.Core.Tests.Ivr;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Reminders;

/// <summary>Core with the IVR ports and a recording outbox on a test database, and the rows reminder tests need.</summary>
internal static class ReminderTestServices
{
    /// <summary>Monday 2026-12-07 01:00 UTC (09:00 in Shanghai).</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    public static ServiceProvider Create(
        TestDatabase database, FakeTimeProvider time, RecordingOutbox? outbox = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddCallCenterCore();
        services.AddIvrPorts();
        services.AddSingleton<ISmsCarrier, RefusingSmsCarrier>();
        if (outbox is not null)
        {
            services.AddSingleton<IReminderOutbox>(outbox);
        }

        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private const string InsertPatientSql = """
        INSERT INTO patient (id, full_name, search_name, gender, date_of_birth, email, preferred_language, time_zone, mrn, notes, assigned_user_id, created_at, updated_at)
        VALUES (@Id, @Name, @Name, 'unknown', NULL, NULL, 'zh-CN', 'Asia/Shanghai', NULL, NULL, NULL, @Now, @Now)
        """;

    private const string InsertPhoneSql = """
        INSERT INTO patient_phone (id, patient_id, e164, kind, is_primary) VALUES (@Id, @PatientId, @Phone, 'mobile', @Primary)
        """;

    /// <summary>A patient with a primary mobile number (returned).</summary>
    public static async Task<(Guid Id, string Phone)> AddPatientAsync(IServiceProvider services)
    {
        var id = Guid.NewGuid();
        var phone = UniqueData.ChinaMobile();
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync(InsertPatientSql, new { Id = id, Name = UniqueData.Name("patient"), Now = Now.UtcDateTime });
        await connection.ExecuteAsync(InsertPhoneSql, new { Id = Guid.NewGuid(), PatientId = id, Phone = phone, Primary = true });
        return (id, phone);
    }

    public static async Task<Doctor> AddDoctorAsync(IServiceProvider services, Guid? departmentId = null)
    {
        if (departmentId is null)
        {
            var department = new Department { Id = Guid.NewGuid(), Code = UniqueData.Name("D"), Name = "心内科", NameEn = "Cardiology", CreatedAt = Now.UtcDateTime };
            Assert.True(await services.GetRequiredService<IDepartmentRepository>().TryCreateAsync(department));
            departmentId = department.Id;
        }

        var doctor = new Doctor { Id = Guid.NewGuid(), DepartmentId = departmentId.Value, Name = UniqueData.Name("dr"), Title = "Chief", CreatedAt = Now.UtcDateTime };
        await services.GetRequiredService<IDoctorRepository>().CreateAsync(doctor);
        return doctor;
    }

    public static async Task<Slot> AddSlotAsync(IServiceProvider services, Guid doctorId, DateTime startsAt, int capacity = 1)
    {
        var slot = new Slot { Id = Guid.NewGuid(), DoctorId = doctorId, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(30), Capacity = capacity, CreatedAt = Now.UtcDateTime };
        Assert.Equal(SlotCreateOutcome.Created, await services.GetRequiredService<ISlotRepository>().CreateAsync(slot));
        return slot;
    }

    public static async Task<Appointment> BookAsync(IServiceProvider services, Guid patientId, Guid slotId)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(),
            PatientId = patientId,
            SlotId = slotId,
            Status = AppointmentStatus.Booked,
            Channel = AppointmentChannel.Phone,
            BookedAt = now,
            UpdatedAt = now,
        };
        Assert.Equal(BookingOutcome.Booked, await services.GetRequiredService<IAppointmentRepository>().BookAsync(appointment));
        return appointment;
    }

    private const string RemindersSql = """
        SELECT id, appointment_id, patient_id, step_index, purpose, channel, due_at, status FROM appointment_reminder
        WHERE appointment_id = @AppointmentId ORDER BY due_at, id
        """;

    public static async Task<IReadOnlyList<ReminderRow>> RemindersAsync(IServiceProvider services, Guid appointmentId)
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return (await connection.QueryAsync<ReminderRow>(RemindersSql, new { AppointmentId = appointmentId })).AsList();
    }

    public static async Task<int> FreeAsync(IServiceProvider services, Guid slotId) =>
        (await services.GetRequiredService<ISlotRepository>().FindAsync(slotId))!.FreeCount;

    internal sealed record ReminderRow
    {
        public Guid Id { get; init; }
        public Guid AppointmentId { get; init; }
        public Guid PatientId { get; init; }
        public int StepIndex { get; init; }
        public string Purpose { get; init; } = "";
        public string Channel { get; init; } = "";
        public DateTime DueAt { get; init; }
        public string Status { get; init; } = "";
    }
}
