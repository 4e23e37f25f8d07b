using CallCenter.Api.Infrastructure;
using CallCenter.Core.Audit;
using CallCenter.Core.Agents;
using CallCenter.Core.Accounts;
using CallCenter.Core.Common;
using CallCenter.Core.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Agents;

/// <summary>Agents: the live roster and profiles (endpoint, skills, SMS capacity). Supervisors read, admins change.</summary>
internal static class AgentEndpoints
{
    /// <summary>The agents' services are Core's (AddAgents); the API adds nothing of its own.</summary>
    public static IServiceCollection AddAgentsApi(this IServiceCollection services) => services;

    public static void MapAgentEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/agents").WithTags("Agents").RequireAuthorization(Policies.Supervisor);
        group.MapGet("/", RosterAsync).WithSummary("The live roster: every agent with state, reason, time in state and skills.");
        group.MapGet("/{userId:guid}/profile", GetProfileAsync).WithSummary("An agent's endpoint, skills and SMS capacity (defaults when none is stored).");
        group.MapPut("/{userId:guid}/profile", PutProfileAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Set an agent's endpoint (client, number or sip), skills with proficiency 1-10 and SMS capacity 0-20.");
    }

    private static async Task<Ok<List<AgentRosterResponse>>> RosterAsync(IAgentRoster roster, CancellationToken cancellationToken) =>
        TypedResults.Ok((await roster.ListAsync(cancellationToken)).Select(AgentRosterResponse.From).ToList());

    private static async Task<Results<Ok<AgentProfileResponse>, NotFound>> GetProfileAsync(
        Guid userId, IAgentProfileRepository profiles, CancellationToken cancellationToken) =>
        await profiles.EffectiveAsync(userId, cancellationToken) is { } profile
            ? TypedResults.Ok(AgentProfileResponse.From(profile))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<AgentProfileResponse>, NotFound, ValidationProblem>> PutProfileAsync(
        Guid userId, AgentProfileRequest request, IAgentProfileRepository profiles, IUserRepository users, PhoneNumberNormalizer phones,
        DialPolicy dialling, IOptions<RoutingOptions> routing, IAuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var kind = AgentEndpointKinds.Parse(request.EndpointKind?.Trim().ToLowerInvariant());
        if (kind is null)
        {
            errors["endpointKind"] = ["must be client, number or sip"];
        }

        var profile = AgentProfileRules.Normalize(
            new AgentProfile
            {
                UserId = userId, EndpointKind = kind ?? AgentEndpointKind.Client, Endpoint = request.Endpoint ?? "",
                SmsCapacity = request.SmsCapacity ?? routing.Value.DefaultSmsCapacity,
                Skills = (request.Skills ?? []).Select(s => new AgentSkill(s?.Skill ?? "", s?.Proficiency ?? 0)).ToList(),
            },
            phones,
            errors);
        if (kind is null)
        {
            errors.Remove("endpoint"); // the endpoint was checked against a kind nobody asked for
        }
        else if (kind == AgentEndpointKind.Number && !errors.ContainsKey("endpoint") && !dialling.Allows(profile.Endpoint, out var notDialled))
        {
            // The hub dials an agent's phone for every offer: the toll fraud rule holds for it as for transfers.
            errors["endpoint"] = [notDialled];
        }

        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }

        await profiles.UpsertAsync(profile, cancellationToken);
        await audit.WriteAsync(context.User.ToActor(), "agent.profile.update", null, AuditOutcomes.Success, $"agent {userId}", cancellationToken);
        return TypedResults.Ok(AgentProfileResponse.From((await profiles.GetAsync(userId, cancellationToken))!));
    }
}
