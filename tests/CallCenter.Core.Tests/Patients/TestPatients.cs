using CallCenter.Core.Common;
using CallCenter.Core.Patients;
using CallCenter.Testing;

namespace CallCenter.Core.Tests.Patients;

/// <summary>Builds unique patient rows for tests that share a database.</summary>
internal static class TestPatients
{
    public static Patient New(TimeProvider time, string? name = null, string? mrn = null, params string[] phones)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new Patient
        {
            Id = Ids.New(time),
            FullName = name ?? UniqueData.Name("patient"),
            Gender = Genders.Unknown,
            PreferredLanguage = "zh-CN",
            TimeZone = "Asia/Shanghai",
            Mrn = mrn,
            CreatedAt = now,
            UpdatedAt = now,
            Phones = phones.Select((e164, i) => new PatientPhone { E164 = e164, Kind = PhoneKinds.Mobile, IsPrimary = i == 0 }).ToList(),
        };
    }
}
