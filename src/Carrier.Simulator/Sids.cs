using System.Security.Cryptography;

namespace Carrier.Simulator;

/// <summary>Twilio-shaped identifiers: a two-letter prefix and 32 hex digits.</summary>
internal static class Sids
{
    public static string New(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
