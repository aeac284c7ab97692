using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Benchmarks;

/// <summary>
/// <c>attributes</c> / <c>excludedAttributes</c> (<see cref="AttributeProjection"/>) on the sample user. Apply works in
/// place, so every invocation projects a fresh deep clone; <see cref="DeepCloneOnly"/> is that clone alone, the part
/// to subtract.
/// </summary>
[MemoryDiagnoser]
public class ProjectionBenchmarks
{
    private const string Attributes = "userName,name.givenName,emails.value," + SampleResources.EnterpriseUser + ":department";
    private const string ExcludedAttributes = "groups,addresses," + SampleResources.EnterpriseUser + ":manager";

    private readonly string[] attributesParameter = [Attributes];
    private JsonObject user = null!;
    private AttributeProjection attributes = null!;
    private AttributeProjection excluded = null!;

    [GlobalSetup]
    public void Setup()
    {
        user = SampleResources.Parse(SampleResources.User);
        attributes = AttributeProjection.Parse(attributesParameter, [], ResourceTypeDefinition.User);
        excluded = AttributeProjection.Parse([], [ExcludedAttributes], ResourceTypeDefinition.User);
    }

    [Benchmark(Baseline = true)]
    public JsonObject DeepCloneOnly() => user.DeepClone().AsObject();

    /// <summary><c>attributes=userName,name.givenName,emails.value,urn:...:department</c>, already parsed.</summary>
    [Benchmark]
    public JsonObject ApplyAttributes() => attributes.Apply(user.DeepClone().AsObject());

    /// <summary><c>excludedAttributes=groups,addresses,urn:...:manager</c>, already parsed.</summary>
    [Benchmark]
    public JsonObject ApplyExcludedAttributes() => excluded.Apply(user.DeepClone().AsObject());

    /// <summary>Reading the <c>attributes</c> parameter, which a request does once before projecting every resource it returns.</summary>
    [Benchmark]
    public AttributeProjection ParseAttributes() => AttributeProjection.Parse(attributesParameter, [], ResourceTypeDefinition.User);
}
