using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using static CallCenter.Api.Tests.Scheduling.SchedulingApi;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>
/// What the shipped hotline needs to find, made through the hub's own API: patients with a phone and a language, a
/// department of the hotline (codes IM, SURG, PED, OBGYN, OPH) with a doctor and slots, appointments.
/// </summary>
internal sealed class HotlineData
{
    /// <summary>The day after the test clock's Monday 23 November 2026, at 10:00 and 11:00 in Shanghai.</summary>
    public static readonly DateTime TomorrowTen = new(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);

    private HotlineData(SignedInClient agent, SignedInClient supervisor)
    {
        Agent = agent;
        Supervisor = supervisor;
    }

    public SignedInClient Agent { get; }

    public SignedInClient Supervisor { get; }

    public static async Task<HotlineData> SignInAsync(ApiFactory hub) =>
        new(await hub.SignInAsAsync(Roles.Agent), await hub.SignInAsAsync(Roles.Supervisor));

    /// <summary>Every patient's date of birth here, as the keypad takes it (YYYYMMDD).</summary>
    public const string BirthDate = "19800115";

    private readonly Dictionary<Guid, string> _mrns = [];

    /// <summary>A patient with a phone, a language, a record number (made up when not given) and <see cref="BirthDate"/>.</summary>
    public async Task<Guid> AddPatientAsync(string fullName, string phone, string language, string? mrn = null, params string[] tags)
    {
        mrn ??= Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture); // keypad digits
        var created = await ReadAsync<IdOnly>(await Agent.Client.PostAsJsonAsync(
            "/api/patients", new { fullName, preferredLanguage = language, mrn, dateOfBirth = "1980-01-15", tags, phones = new[] { new { number = phone } } }));
        _mrns[created.Id] = mrn;
        return created.Id;
    }

    /// <summary>The keys a caller presses at the hotline's verify step to prove to be the patient: record number and #, then date of birth.</summary>
    public IReadOnlyList<string> VerificationKeys(Guid patientId) => [_mrns[patientId] + "#", BirthDate];

    private static readonly Dictionary<string, (string Name, string NameEn)> Departments = new(StringComparer.Ordinal)
    {
        ["IM"] = ("内科", "Internal medicine"),
        ["SURG"] = ("外科", "General surgery"),
        ["PED"] = ("儿科", "Paediatrics"),
        ["OBGYN"] = ("妇产科", "Obstetrics and gynaecology"),
        ["OPH"] = ("眼科", "Ophthalmology"),
    };

    /// <summary>A hotline department (by code) with one doctor, and a one-place slot at each of <paramref name="starts"/>.</summary>
    public async Task<IReadOnlyList<Guid>> AddSlotsAsync(string code, params DateTime[] starts)
    {
        var (name, nameEn) = Departments[code];
        var department = await ReadAsync<IdOnly>(await Supervisor.Client.PostAsJsonAsync(
            "/api/departments", new { code, name, nameEn }));
        var doctor = await ReadAsync<IdOnly>(await Supervisor.Client.PostAsJsonAsync(
            "/api/doctors", new { departmentId = department.Id, name = "王医生", title = "Chief physician" }));
        var slots = new List<Guid>();
        foreach (var start in starts)
        {
            var slot = await ReadAsync<IdOnly>(await Supervisor.Client.PostAsJsonAsync(
                "/api/slots", new { doctorId = doctor.Id, startsAt = start, endsAt = start.AddMinutes(30), capacity = 1 }));
            slots.Add(slot.Id);
        }

        return slots;
    }

    public async Task<Guid> BookAsync(Guid patientId, Guid slotId) =>
        (await ReadAsync<IdOnly>(await Agent.Client.PostAsJsonAsync("/api/appointments", new { patientId, slotId, channel = "agent" }))).Id;

    public async Task<JsonElement> AppointmentAsync(Guid appointmentId) =>
        await Agent.Client.GetFromJsonAsync<JsonElement>($"/api/appointments/{appointmentId}");

    public async Task<IReadOnlyList<JsonElement>> AppointmentsOfAsync(Guid patientId)
    {
        var page = await Agent.Client.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/appointments");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>The call's IVR session as an agent reads it.</summary>
    public async Task<IvrView> IvrAsync(string callSid) =>
        (await Agent.Client.GetFromJsonAsync<IvrView>($"/api/calls/{callSid}/ivr"))!;

    /// <summary>The call as the hub stored it from the carrier's status callbacks (null before the first arrived).</summary>
    public async Task<StoredCall?> CallAsync(string callSid)
    {
        var response = await Agent.Client.GetAsync($"/api/calls/{callSid}");
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        var call = view.GetProperty("call");
        return new StoredCall(
            call.GetProperty("status").GetString()!,
            call.GetProperty("patientId").ValueKind == JsonValueKind.Null ? null : call.GetProperty("patientId").GetGuid(),
            [.. view.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("status").GetString()!)]);
    }
}

internal sealed record IvrView(string CallSid, string FlowId, string Language, string CurrentStep, bool Ended, JsonElement Variables, IReadOnlyList<IvrTraceLine> Trace)
{
    /// <summary>The steps the call went through, in order (consecutive trace lines of one step count once).</summary>
    public IReadOnlyList<string> Steps => [.. Trace.Select(t => t.Step).Where((step, i) => i == 0 || Trace[i - 1].Step != step)];

    /// <summary>The menu keys the caller chose, in order (variable <c>menu.path</c>).</summary>
    public IReadOnlyList<string> MenuPath =>
        Variables.TryGetProperty("menu.path", out var path) && path.ValueKind == JsonValueKind.Array ? [.. path.EnumerateArray().Select(k => k.ToString())] : [];

    public override string ToString() => string.Join('\n', Trace.Select(t => $"{t.Step} {t.Event} {t.Detail}"));
}

internal sealed record StoredCall(string Status, Guid? PatientId, IReadOnlyList<string> Events);

internal sealed record IvrTraceLine(DateTimeOffset At, string Step, string Event, string? Detail);
