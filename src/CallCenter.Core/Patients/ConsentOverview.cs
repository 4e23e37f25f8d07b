using CallCenter.Core.Audit;
using CallCenter.Core.Common;

namespace CallCenter.Core.Patients;

/// <summary>What holds now per channel, and every change that led there (newest first).</summary>
public sealed record ConsentOverview(IReadOnlyList<PatientConsent> Current, IReadOnlyList<PatientConsent> History);
