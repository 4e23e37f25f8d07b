using System.Collections.Frozen;

namespace Twilio.Protocol.Sms;

/// <summary>The GSM 03.38 default alphabet and its extension table (each extension character costs an escape too).</summary>
internal static class GsmAlphabet
{
    // The basic table as Unicode, in GSM code order (0x1B, the escape, is left out).
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    private static readonly FrozenSet<char> BasicSet = Basic.ToFrozenSet();
    private static readonly FrozenSet<char> ExtensionSet = Extension.ToFrozenSet();

    /// <summary>Septets the character takes (1 or 2), or 0 when it is not in GSM-7 at all.</summary>
    public static int Septets(char c) => BasicSet.Contains(c) ? 1 : ExtensionSet.Contains(c) ? 2 : 0;
}
