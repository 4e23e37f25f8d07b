using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Authorization;

/// <summary>Every route the hub maps under /api, read from the running host, with its method and policy.</summary>
internal sealed partial record ApiRoute(string Method, string Pattern, string? Policy, bool AllowsAnonymous)
{
    public static IReadOnlyList<ApiRoute> All(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new ApiRoute(
                    method,
                    e.RoutePattern.RawText!,
                    e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null),
                    e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .ToList();

    public bool TakesId => RouteParameter().IsMatch(Pattern);

    /// <summary>True when the route acts on one patient (its ID is in the path).</summary>
    public bool TakesPatientId => Pattern.StartsWith("/api/patients/{id", StringComparison.Ordinal) || Pattern.Contains("{patientId", StringComparison.Ordinal);

    /// <summary>The path with every route parameter replaced: patient IDs by <paramref name="patientId"/>, others by a new Guid.</summary>
    public string PathWith(Guid patientId) => RouteParameter().Replace(Pattern, match =>
        TakesPatientId && (match.Groups["name"].Value == "patientId" || (match.Groups["name"].Value == "id" && Pattern.StartsWith("/api/patients/", StringComparison.Ordinal)))
            ? patientId.ToString()
            : Guid.NewGuid().ToString());

    public HttpRequestMessage ToRequest(Guid patientId)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), PathWith(patientId));
        if (Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    public override string ToString() => $"{Method} {Pattern}";

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
