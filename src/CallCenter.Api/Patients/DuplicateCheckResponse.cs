using CallCenter.Core.Patients;

namespace CallCenter.Api.Patients;

/// <summary>Patients that already hold the phone or MRN asked about (<c>field</c> is <c>phone</c> or <c>mrn</c>).</summary>
public sealed record DuplicateCheckResponse(IReadOnlyList<DuplicateWarning> Matches);
