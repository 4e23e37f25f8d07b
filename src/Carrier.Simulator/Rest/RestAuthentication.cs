using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Twilio.Protocol.Rest;

namespace Carrier.Simulator.Rest;

/// <summary>HTTP Basic with AccountSid:AuthToken, and the path's account must be that account, as with Twilio.</summary>
internal static class RestAuthentication
{
    public static IResult? Check(HttpRequest request, string accountSid, TwilioOptions twilio)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || !TryDecode(header.Parameter, out var user, out var secret)
            || !Same(user, twilio.AccountSid) | !Same(secret, twilio.AuthToken))
        {
            return RestJson.Error(StatusCodes.Status401Unauthorized, 20003, "Authenticate");
        }

        return string.Equals(accountSid, twilio.AccountSid, StringComparison.Ordinal)
            ? null
            : RestJson.Error(StatusCodes.Status404NotFound, 20404, "The requested resource was not found");
    }

    private static bool TryDecode(string? parameter, out string user, out string secret)
    {
        user = secret = string.Empty;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(parameter ?? string.Empty));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return false;
            }

            (user, secret) = (text[..colon], text[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool Same(string actual, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
}
