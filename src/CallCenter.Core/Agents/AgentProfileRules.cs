using System.Text.RegularExpressions;
using CallCenter.Core.Common;
using CallCenter.Core.Queues;

namespace CallCenter.Core.Agents;

/// <summary>The checks on an agent profile; field errors keyed by the request's (camelCase) field names.</summary>
public static partial class AgentProfileRules
{
    /// <summary>As a queue's required skills (which must match them).</summary>
    public const int MaxSkillLength = 24;
    public const int MaxSkills = 50;
    public const int MaxSmsCapacity = 20;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex ClientName();

    // sip:user@host, no spaces; the host a name or address with an optional port.
    [GeneratedRegex("^sip:[A-Za-z0-9_.!~*'()&=+$,;?/%-]{1,64}@[A-Za-z0-9.-]{1,190}(:[0-9]{1,5})?$")]
    private static partial Regex SipAddress();

    /// <summary>Checks and normalizes (trimmed, skills lower case, number to E.164); errors empty means valid.</summary>
    public static AgentProfile Normalize(AgentProfile profile, PhoneNumberNormalizer phones, Dictionary<string, List<string>> errors)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(phones);
        ArgumentNullException.ThrowIfNull(errors);
        var endpoint = (profile.Endpoint ?? "").Trim();
        switch (profile.EndpointKind)
        {
            case AgentEndpointKind.Client when !ClientName().IsMatch(endpoint):
                Add(errors, "endpoint", "a client name is 1 to 64 letters, digits, '_', '.' or '-'");
                break;
            case AgentEndpointKind.Number when !phones.TryNormalize(endpoint, out _, out var reason):
                Add(errors, "endpoint", reason);
                break;
            case AgentEndpointKind.Number:
                phones.TryNormalize(endpoint, out endpoint, out _);
                break;
            case AgentEndpointKind.Sip when !SipAddress().IsMatch(endpoint):
                Add(errors, "endpoint", "a SIP address looks like sip:user@host");
                break;
        }

        if (profile.SmsCapacity is < 0 or > MaxSmsCapacity)
        {
            Add(errors, "smsCapacity", $"must be between 0 and {MaxSmsCapacity}");
        }

        var skills = new List<AgentSkill>();
        if (profile.Skills.Count > MaxSkills)
        {
            Add(errors, "skills", $"at most {MaxSkills} skills");
        }

        for (var i = 0; i < profile.Skills.Count; i++)
        {
            var skill = profile.Skills[i];
            var name = (skill?.Skill ?? "").Trim().ToLowerInvariant();
            if (name.Length > MaxSkillLength || !QueueSettingsRules.IsValidName(name))
            {
                Add(errors, $"skills[{i}].skill", $"a skill is 1 to {MaxSkillLength} lowercase letters, digits or '-'");
            }
            else if (skills.Any(s => s.Skill == name))
            {
                Add(errors, $"skills[{i}].skill", "listed twice");
            }

            if (skill is null || skill.Proficiency is < 1 or > 10)
            {
                Add(errors, $"skills[{i}].proficiency", "must be between 1 and 10");
            }

            skills.Add(new AgentSkill(name, skill?.Proficiency ?? 0));
        }

        return profile with { Endpoint = endpoint, Skills = skills };
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string reason)
    {
        if (!errors.TryGetValue(field, out var reasons))
        {
            errors[field] = reasons = [];
        }

        reasons.Add(reason);
    }
}
