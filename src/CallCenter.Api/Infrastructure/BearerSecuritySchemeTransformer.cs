using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CallCenter.Api.Infrastructure;

/// <summary>Tells OpenAPI readers that the API takes a bearer token from <c>POST /api/auth/token</c>.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Token from POST /api/auth/token.",
        };
        document.Info.Title = "Patient contact hub API";
        return Task.CompletedTask;
    }
}
