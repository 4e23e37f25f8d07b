using System.Security.Cryptography;
using System.Text;

namespace CallCenter.Core.Ivr.Verification;

/// <summary>What failures are counted against: a calling number (as a hash, not the number) or a patient.</summary>
public static class VerificationSubjects
{
    public static string Number(string phoneE164) =>
        "number:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(phoneE164.Trim())));

    public static string Patient(Guid patientId) => "patient:" + patientId.ToString("N");
}
