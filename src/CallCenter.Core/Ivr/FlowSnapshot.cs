using System.Collections.Immutable;
using Ivr.Flows.Model;

namespace CallCenter.Core.Ivr;

/// <summary>
/// An immutable view of every flow file and the flows answering each number. The registry swaps the whole snapshot
/// at once, so a webhook sees either the old set of flows or the new one, never half of each.
/// </summary>
public sealed class FlowSnapshot
{
    /// <summary>The number that binds a flow to every number no other flow of its kind answers.</summary>
    public const string AnyNumber = "*";

    private readonly ImmutableDictionary<string, ActiveFlow> _byNumber;

    private FlowSnapshot(ImmutableSortedDictionary<string, FlowFileState> files)
    {
        Files = files;
        var byNumber = ImmutableDictionary.CreateBuilder<string, ActiveFlow>(StringComparer.Ordinal);
        foreach (var active in files.Values.Select(f => f.Active).OfType<ActiveFlow>())
        {
            foreach (var number in active.Flow.Numbers)
            {
                byNumber.TryAdd(Key(active.Flow.Kind, number), active);
            }
        }

        _byNumber = byNumber.ToImmutable();
    }

    public static FlowSnapshot Empty { get; } = new(ImmutableSortedDictionary<string, FlowFileState>.Empty);

    /// <summary>The files by name, in ordinal order.</summary>
    public ImmutableSortedDictionary<string, FlowFileState> Files { get; }

    public static FlowSnapshot Of(IEnumerable<FlowFileState> files) =>
        new(files.ToImmutableSortedDictionary(f => f.FileName, f => f, StringComparer.Ordinal));

    /// <summary>The flow of this kind bound to <paramref name="number"/>, else the one bound to <c>*</c>, else null.</summary>
    public ActiveFlow? Find(FlowKind kind, string? number) =>
        (number is not null ? _byNumber.GetValueOrDefault(Key(kind, number)) : null) ?? _byNumber.GetValueOrDefault(Key(kind, AnyNumber));

    /// <summary>The active flow with this id, or null.</summary>
    public ActiveFlow? FindById(string flowId) =>
        Files.Values.Select(f => f.Active).FirstOrDefault(a => a is not null && string.Equals(a.Flow.Id, flowId, StringComparison.Ordinal));

    private static string Key(FlowKind kind, string number) => $"{kind}|{number}";
}
