using CallCenter.Api.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Accounts;

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");

        group.MapPost("/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(AuthSetup.SignInRateLimit)
            .WithSummary("Sign in and get a bearer token for API and hub clients.");
        group.MapPost("/login", CookieSignInAsync).AllowAnonymous().RequireRateLimiting(AuthSetup.SignInRateLimit)
            .WithSummary("Sign in with a cookie (for pages served by the hub).");
        group.MapPost("/logout", (Delegate)SignOutAsync).RequireAuthorization(Policies.Agent)
            .WithSummary("End the cookie session.");
        group.MapGet("/me", (HttpContext context) =>
            {
                var actor = context.User.ToActor();
                return TypedResults.Ok(new CurrentUserResponse(actor.UserId, actor.UserName, actor.Role));
            })
            .RequireAuthorization(Policies.Agent)
            .WithSummary("Who the caller is signed in as.");
    }

    private static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(
        SignInRequest request, AccountService accounts, IAccountSessionRepository sessions, IAuditLog audit, CancellationToken cancellationToken)
    {
        var (user, invalid, refused) = await CheckAsync(request, accounts, audit, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (user is null)
        {
            return refused!;
        }

        return TypedResults.SignIn(user.ToPrincipal(BearerTokenDefaults.AuthenticationScheme, await sessions.GenerationAsync(user.Id, cancellationToken)), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    private static async Task<Results<Ok<CurrentUserResponse>, ValidationProblem, ProblemHttpResult>> CookieSignInAsync(
        SignInRequest request, HttpContext context, AccountService accounts, IAccountSessionRepository sessions, IAuditLog audit, CancellationToken cancellationToken)
    {
        var (user, invalid, refused) = await CheckAsync(request, accounts, audit, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (user is null)
        {
            return refused!;
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, user.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme, await sessions.GenerationAsync(user.Id, cancellationToken)));
        return TypedResults.Ok(new CurrentUserResponse(user.Id, user.UserName, user.Role));
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private sealed record CheckedSignIn(UserAccount? User, ValidationProblem? Invalid, ProblemHttpResult? Refused);

    private static async Task<CheckedSignIn> CheckAsync(SignInRequest request, AccountService accounts, IAuditLog audit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors.Add("userName", "is required");
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "is required");
        }

        if (!errors.IsEmpty)
        {
            return new CheckedSignIn(null, errors.ToProblem(), null);
        }

        var result = await accounts.SignInAsync(request.UserName!, request.Password!, cancellationToken);
        var actor = result.User is { } user ? new Actor(user.Id, user.UserName, user.Role) : new Actor(Guid.Empty, request.UserName!.ToLowerInvariant(), "anonymous");
        await audit.WriteAsync(actor, "auth.sign-in", null, result.Outcome == SignInOutcome.Succeeded ? AuditOutcomes.Success : AuditOutcomes.Denied,
            result.Outcome.ToString(), cancellationToken);

        return result.Outcome switch
        {
            SignInOutcome.Succeeded => new CheckedSignIn(result.User, null, null),
            SignInOutcome.LockedOut => new CheckedSignIn(null, null, Unauthorized("The account is locked after repeated failed sign-ins; try again later or ask an admin to unlock it.")),
            SignInOutcome.Disabled => new CheckedSignIn(null, null, Unauthorized("The account is disabled.")),
            _ => new CheckedSignIn(null, null, Unauthorized("The user name or password is wrong.")),
        };
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(title: "Sign-in refused", detail: detail, statusCode: StatusCodes.Status401Unauthorized);
}
