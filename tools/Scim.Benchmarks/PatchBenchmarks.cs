using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Scim.Protocol;
using Scim.Protocol.Patching;
using Scim.Protocol.Schemas;

namespace Scim.Benchmarks;

/// <summary>
/// <see cref="PatchEngine.Apply"/> on the sample user and group. The engine clones its input, so one parsed resource
/// serves every invocation; the request bodies are deserialized once, as the endpoint has done before the engine runs.
/// </summary>
[MemoryDiagnoser]
public class PatchBenchmarks
{
    private JsonObject user = null!;
    private JsonObject group = null!;
    private PatchRequest replaceTitle = null!;
    private PatchRequest entraUpdate = null!;
    private PatchRequest addMembers = null!;

    [GlobalSetup]
    public void Setup()
    {
        user = SampleResources.Parse(SampleResources.User);
        group = SampleResources.Parse(SampleResources.Group);
        replaceTitle = SampleResources.PatchRequest(SampleResources.ReplaceTitle);
        entraUpdate = SampleResources.PatchRequest(SampleResources.EntraUpdate);
        addMembers = SampleResources.PatchRequest(SampleResources.AddMembers(100));

        // A benchmark of a request the engine refuses would measure the error path.
        foreach (var outcome in new[] { ReplaceOneAttribute(), EntraMultiOperation(), AddHundredMembers() })
        {
            if (!outcome.IsSuccess)
            {
                throw new InvalidOperationException($"The sample PATCH failed: {outcome.Error?.Detail}");
            }
        }
    }

    /// <summary>One <c>replace</c> of <c>title</c>.</summary>
    [Benchmark(Baseline = true)]
    public Result<PatchOutcome> ReplaceOneAttribute() => PatchEngine.Apply(user, replaceTitle, ResourceTypeDefinition.User);

    /// <summary>Entra's ten-operation update in its legacy dialect.</summary>
    [Benchmark]
    public Result<PatchOutcome> EntraMultiOperation() => PatchEngine.Apply(user, entraUpdate, ResourceTypeDefinition.User);

    /// <summary>A batch of 100 members added to a group (member operations, the group's JSON unchanged).</summary>
    [Benchmark]
    public Result<PatchOutcome> AddHundredMembers() =>
        PatchEngine.Apply(group, addMembers, ResourceTypeDefinition.Group, SampleResources.GroupExternalAttributes);
}
