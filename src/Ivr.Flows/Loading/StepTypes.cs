using System.Reflection;
using Ivr.Flows.Model;

namespace Ivr.Flows.Loading;

/// <summary>Every step class, by the <c>type</c> name it is written with: found by <see cref="FlowStepTypeAttribute"/>.</summary>
public static class StepTypes
{
    private static readonly Lazy<IReadOnlyDictionary<string, Type>> Types = new(() => typeof(FlowStep).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false } && typeof(FlowStep).IsAssignableFrom(t))
        .Select(t => (Type: t, Attribute: t.GetCustomAttribute<FlowStepTypeAttribute>()))
        .Where(p => p.Attribute is not null)
        .ToDictionary(p => p.Attribute!.Name, p => p.Type, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, Type> All => Types.Value;

    public static bool TryFind(string? name, out Type type) => All.TryGetValue(name ?? string.Empty, out type!);
}
