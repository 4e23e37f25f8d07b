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
        SignInRequest request, AccountService accounts, SignInThrottle throttle, IAccountSessionRepository sessions, IAuditLog audit, CancellationToken cancellationToken)
    {
        var (user, invalid, refused) = await CheckAsync(request, accounts, throttle, audit, cancellationToken);
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
        SignInRequest request, HttpContext context, AccountService accounts, SignInThrottle throttle, IAccountSessionRepository sessions, IAuditLog audit,
        CancellationToken cancellationToken)
    {
        var (user, invalid, refused) = await CheckAsync(request, accounts, throttle, audit, cancellationToken);
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

    // One answer for an unknown user name, a wrong password, a locked and a disabled account, so sign-in tells nobody which
    // accounts exist or are locked; the audit trail keeps the real outcome for admins.
    private const string Refused = "The user name or password is wrong, or the account may not sign in now.";

    private static async Task<CheckedSignIn> CheckAsync(
        SignInRequest request, AccountService accounts, SignInThrottle throttle, IAuditLog audit, CancellationToken cancellationToken)
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

        if (!throttle.TryAttempt(request.UserName!))
        {
            await audit.WriteAsync(Anonymous(request), "auth.sign-in", null, AuditOutcomes.Denied, "Throttled", cancellationToken);
            return new CheckedSignIn(null, null, TypedResults.Problem(
                title: "Sign-in refused", detail: "Too many sign-in attempts for this user name; try again in a minute.",
                statusCode: StatusCodes.Status429TooManyRequests));
        }

        var result = await accounts.SignInAsync(request.UserName!, request.Password!, cancellationToken);
        var actor = result.User is { } user ? new Actor(user.Id, user.UserName, user.Role) : Anonymous(request);
        await audit.WriteAsync(actor, "auth.sign-in", null, result.Outcome == SignInOutcome.Succeeded ? AuditOutcomes.Success : AuditOutcomes.Denied,
            result.Outcome.ToString(), cancellationToken);

        return result.Outcome == SignInOutcome.Succeeded
            ? new CheckedSignIn(result.User, null, null)
            : new CheckedSignIn(null, null, TypedResults.Problem(title: "Sign-in refused", detail: Refused, statusCode: StatusCodes.Status401Unauthorized));
    }

    private static Actor Anonymous(SignInRequest request) => new(Guid.Empty, request.UserName!.Trim().ToLowerInvariant(), "anonymous");
}
