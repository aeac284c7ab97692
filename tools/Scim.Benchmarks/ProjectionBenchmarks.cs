using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Benchmarks;

/// <summary>
/// <c>attributes</c> / <c>excludedAttributes</c> (<see cref="AttributeProjection"/>) applied while the sample user's
/// stored JSON (compact UTF-8) is copied to the output (<see cref="ProjectedJson.WriteMembers"/>), as a response is
/// written; <see cref="CopyAll"/> is the default projection, which copies every member as it is.
/// </summary>
[MemoryDiagnoser]
public class ProjectionBenchmarks
{
    private const string Attributes = "userName,name.givenName,emails.value," + SampleResources.EnterpriseUser + ":department";
    private const string ExcludedAttributes = "groups,addresses," + SampleResources.EnterpriseUser + ":manager";

    private readonly string[] attributesParameter = [Attributes];
    private readonly ArrayBufferWriter<byte> buffer = new(4096);
    private byte[] user = [];
    private AttributeProjection attributes = null!;
    private AttributeProjection excluded = null!;

    [GlobalSetup]
    public void Setup()
    {
        user = Encoding.UTF8.GetBytes(JsonNode.Parse(SampleResources.User)!.ToJsonString());
        attributes = AttributeProjection.Parse(attributesParameter, [], ResourceTypeDefinition.User);
        excluded = AttributeProjection.Parse([], [ExcludedAttributes], ResourceTypeDefinition.User);
    }

    /// <summary>The default projection: every member copied as it is.</summary>
    [Benchmark(Baseline = true)]
    public int CopyAll() => Write(AttributeProjection.Default);

    /// <summary><c>attributes=userName,name.givenName,emails.value,urn:...:department</c>, already parsed.</summary>
    [Benchmark]
    public int WriteAttributes() => Write(attributes);

    /// <summary><c>excludedAttributes=groups,addresses,urn:...:manager</c>, already parsed.</summary>
    [Benchmark]
    public int WriteExcludedAttributes() => Write(excluded);

    /// <summary>Reading the <c>attributes</c> parameter, which a request does once before projecting every resource it returns.</summary>
    [Benchmark]
    public AttributeProjection ParseAttributes() => AttributeProjection.Parse(attributesParameter, [], ResourceTypeDefinition.User);

    private int Write(AttributeProjection projection)
    {
        buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(buffer);
        writer.WriteStartObject();
        ProjectedJson.WriteMembers(user, projection.Scope, writer);
        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenCount;
    }
}
