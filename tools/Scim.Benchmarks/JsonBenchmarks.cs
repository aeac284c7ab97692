using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;

namespace Scim.Benchmarks;

/// <summary>
/// Reading the sample user's stored JSON (1.9 KB of UTF-8, no whitespace): into a mutable <see cref="JsonNode"/> tree,
/// which PATCH and projection work on, against a read-only <see cref="JsonDocument"/> copied to the output with a
/// <see cref="Utf8JsonWriter"/>, which is enough for a resource that is only returned. Both write into one reused
/// buffer through a writer of their own, as a response does.
/// </summary>
/// <remarks>
/// <see cref="JsonNode.Parse(ReadOnlySpan{byte}, JsonNodeOptions?, JsonDocumentOptions)"/> builds an object's members
/// only when they are first read, so the tree benchmarks read every node, as the PATCH engine's normalisation does;
/// <see cref="JsonNodeParseUnread"/> shows what the parse alone costs.
/// </remarks>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private readonly ArrayBufferWriter<byte> buffer = new(4096);
    private byte[] document = [];

    [GlobalSetup]
    public void Setup() => document = Encoding.UTF8.GetBytes(JsonNode.Parse(SampleResources.User)!.ToJsonString());

    /// <summary>Parse into a tree and read every node of it.</summary>
    [Benchmark(Baseline = true)]
    public int JsonNodeParse() => SampleResources.CountNodes(JsonNode.Parse(document));

    /// <summary>Parse without reading: the members are not built yet.</summary>
    [Benchmark]
    public JsonNode JsonNodeParseUnread() => JsonNode.Parse(document)!;

    /// <summary>Parse into a tree, read it, write it out: a stored resource returned through <see cref="JsonNode"/>.</summary>
    [Benchmark]
    public int JsonNodeParseAndWrite()
    {
        var node = JsonNode.Parse(document)!;
        SampleResources.CountNodes(node);
        buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(buffer);
        node.WriteTo(writer);
        writer.Flush();
        return buffer.WrittenCount;
    }

    /// <summary>Parse read-only and copy to the output: a stored resource returned without a tree.</summary>
    [Benchmark]
    public int JsonDocumentParseAndCopy()
    {
        using var parsed = JsonDocument.Parse(document);
        buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(buffer);
        parsed.WriteTo(writer);
        writer.Flush();
        return buffer.WrittenCount;
    }
}
