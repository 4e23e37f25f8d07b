using System.Text.RegularExpressions;
using CallCenter.Api.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Agents.Supervision;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CallCenter.Api.Accounts;

/// <summary>Staff accounts, managed by admins.</summary>
internal static partial class UserEndpoints
{
    public static void MapUserEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync).WithSummary("List staff accounts.");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One staff account.");
        group.MapPost("/", CreateAsync).WithSummary("Create a staff account.");
        group.MapPut("/{id:guid}", UpdateAsync).WithSummary("Change display name, role or disabled flag.");
        group.MapPost("/{id:guid}/password", SetPasswordAsync).WithSummary("Set a new password.");
        group.MapPost("/{id:guid}/unlock", UnlockAsync).WithSummary("Clear a lockout after failed sign-ins.");
    }

    private static async Task<Results<Ok<Page<UserResponse>>, ValidationProblem>> ListAsync(
        IUserRepository users, TimeProvider time, CancellationToken cancellationToken, int page = 1, int pageSize = PageRequest.DefaultPageSize)
    {
        var request = new PageRequest(page, pageSize);
        if (request.Validate() is { } error)
        {
            return Problems.Field(error.Field, error.Reason);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var result = await users.ListAsync(request, cancellationToken);
        return TypedResults.Ok(new Page<UserResponse>(result.Items.Select(u => UserResponse.From(u, now)).ToList(), result.PageNumber, result.PageSize, result.HasMore));
    }

    private static async Task<Results<Ok<UserResponse>, NotFound>> GetAsync(Guid id, IUserRepository users, TimeProvider time, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(id, cancellationToken) is { } user
            ? TypedResults.Ok(UserResponse.From(user, time.GetUtcNow().UtcDateTime))
            : TypedResults.NotFound();

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, AccountService accounts, IAuditLog audit, HttpContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.UserName) || !UserNamePattern().IsMatch(request.UserName))
        {
            errors.Add("userName", "is required: 3 to 100 letters, digits, dots, dashes or underscores");
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200)
        {
            errors.Add("displayName", "is required, at most 200 characters");
        }

        if (!Roles.IsKnown(request.Role))
        {
            errors.Add("role", $"must be one of {string.Join(", ", Roles.All)}");
        }

        if (accounts.CheckPasswordStrength(request.Password) is { } reason)
        {
            errors.Add("password", reason);
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var user = await accounts.CreateAsync(request.UserName!, request.DisplayName!, request.Role!, request.Password!, cancellationToken);
        if (user is null)
        {
            return Problems.Conflict("User name taken", $"An account named '{request.UserName!.ToLowerInvariant()}' already exists.");
        }

        await audit.WriteAsync(context.User.ToActor(), "user.create", null, AuditOutcomes.Success, $"user {user.Id} role {user.Role}", cancellationToken);
        return TypedResults.Created($"/api/users/{user.Id}", UserResponse.From(user, time.GetUtcNow().UtcDateTime));
    }

    private static async Task<Results<Ok<UserResponse>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, UpdateUserRequest request, IUserRepository users, IAuditLog audit, HttpContext context, TimeProvider time,
        Microsoft.Extensions.Caching.Memory.IMemoryCache cache, AccountSessionEnder sessions, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new FieldErrors();
        if (request.Role is not null && !Roles.IsKnown(request.Role))
        {
            errors.Add("role", $"must be one of {string.Join(", ", Roles.All)}");
        }

        if (request.DisplayName is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > 200))
        {
            errors.Add("displayName", "must be 1 to 200 characters");
        }

        var actor = context.User.ToActor();
        if (actor.UserId == id && ((request.Role is not null && request.Role != Roles.Admin) || request.IsDisabled == true))
        {
            errors.Add("role", "an admin cannot demote or disable their own account");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var updated = user with
        {
            DisplayName = request.DisplayName ?? user.DisplayName,
            Role = request.Role ?? user.Role,
            IsDisabled = request.IsDisabled ?? user.IsDisabled,
        };
        await users.UpdateAsync(id, updated.DisplayName, updated.Role, updated.IsDisabled, cancellationToken);
        ActiveAccountMiddleware.Forget(cache, id);

        // Disabling the account or changing its role ends its sessions everywhere: tokens, cookies, live desks, offers.
        var endSessions = (updated.IsDisabled && !user.IsDisabled) || updated.Role != user.Role;
        if (endSessions)
        {
            await sessions.EndAsync(actor, id, cancellationToken);
        }

        await audit.WriteAsync(actor, "user.update", null, AuditOutcomes.Success,
            $"user {id} role {updated.Role} disabled {updated.IsDisabled}{(endSessions ? " sessions ended" : string.Empty)}", cancellationToken);
        return TypedResults.Ok(UserResponse.From(updated, time.GetUtcNow().UtcDateTime));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> SetPasswordAsync(
        Guid id, SetPasswordRequest request, IUserRepository users, AccountService accounts, AccountSessionEnder sessions, IAuditLog audit, HttpContext context,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        if (accounts.CheckPasswordStrength(request.Password) is { } reason)
        {
            return Problems.Field("password", reason);
        }

        await accounts.SetPasswordAsync(user, request.Password!, cancellationToken);

        // A new password ends every session signed in with the old one (the admin's own, if they set their own).
        await sessions.EndAsync(context.User.ToActor(), id, cancellationToken);
        await audit.WriteAsync(context.User.ToActor(), "user.set-password", null, AuditOutcomes.Success, $"user {id} sessions ended", cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound>> UnlockAsync(
        Guid id, IUserRepository users, IAuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await users.UnlockAsync(id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        await audit.WriteAsync(context.User.ToActor(), "user.unlock", null, AuditOutcomes.Success, $"user {id}", cancellationToken);
        return TypedResults.NoContent();
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{3,100}$")]
    private static partial Regex UserNamePattern();
}
