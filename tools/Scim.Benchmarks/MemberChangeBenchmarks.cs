using BenchmarkDotNet.Attributes;
using Scim.Application.Features.Groups;
using Scim.Domain.Groups;
using Scim.Protocol.Patching;

namespace Scim.Benchmarks;

/// <summary>
/// Folding a request's member operations into the net change a group write applies (<see cref="NetChange"/>): a
/// batch of 100 adds (Entra's size), 10,000 adds (the most one request may carry), and adds followed by removes of
/// half of them, which must cancel out before anything is written.
/// </summary>
[MemoryDiagnoser]
public class MemberChangeBenchmarks
{
    private Dictionary<Guid, MemberType> types = [];
    private AddMembers add100 = null!;
    private AddMembers add10000 = null!;
    private RemoveMembers removeHalf = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => Guid.NewGuid()).ToList();
        types = ids.ToDictionary(id => id, _ => MemberType.User);
        add100 = new AddMembers([.. ids.Take(100).Select(id => new MemberValue(id.ToString(), "User"))]);
        add10000 = new AddMembers([.. ids.Select(id => new MemberValue(id.ToString(), "User"))]);
        removeHalf = new RemoveMembers([.. ids.Take(5_000).Select(id => id.ToString())]);
    }

    /// <summary>100 members added.</summary>
    [Benchmark(Baseline = true)]
    public int Add100() => Fold(add100);

    /// <summary>10,000 members added.</summary>
    [Benchmark]
    public int Add10000() => Fold(add10000);

    /// <summary>10,000 added, then 5,000 of them removed in the same request.</summary>
    [Benchmark]
    public int Add10000Remove5000() => Fold(add10000, removeHalf);

    private int Fold(params MemberOperation[] operations)
    {
        var change = new NetChange(types);
        foreach (var operation in operations)
        {
            change.Fold(operation);
        }

        return change.Added.Count;
    }
}
