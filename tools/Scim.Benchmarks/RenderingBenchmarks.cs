using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Users;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Benchmarks;

/// <summary>
/// Rendering users as the server answers them: the stored document copied to the output with <c>schemas</c>,
/// <c>id</c>, the manager, <c>groups</c> and <c>meta</c> added (<see cref="UserRenderer"/>), for one user (a GET by id)
/// and for a ListResponse page of 100, with the default attributes and with <c>attributes=userName,emails</c>.
/// </summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private const string BaseUrl = "https://scim.example.com/scim/v2";

    private readonly ArrayBufferWriter<byte> buffer = new(256 * 1024);
    private UserRow row = null!;
    private List<UserRow> page = [];
    private Dictionary<Guid, List<UserGroup>> groups = [];
    private AttributeProjection narrow = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The stored document is the user without what the server adds at read time.
        var document = SampleResources.Parse(SampleResources.User);
        foreach (var derived in new[] { "schemas", "id", "meta", "groups" })
        {
            document.Remove(derived);
        }

        (document[SampleResources.EnterpriseUser] as JsonObject)?.Remove("manager");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document);
        var now = DateTime.UtcNow;
        page = [.. Enumerable.Range(0, 100).Select(_ => new UserRow(Guid.NewGuid(), bytes, Guid.NewGuid(), "Ada Manager", now, now, 3))];
        row = page[0];
        groups = page.ToDictionary(r => r.Id, _ => new List<UserGroup> { new(Guid.NewGuid(), "Engineering"), new(Guid.NewGuid(), "Everyone") });
        narrow = AttributeProjection.Parse(["userName,emails"], [], ResourceTypeDefinition.User);
    }

    /// <summary>One user, default attributes (a GET by id or a write's answer).</summary>
    [Benchmark(Baseline = true)]
    public ValueTask OneUser() => WriteAsync(new ResourceBody<UserRow>(row, new UserRenderer(AttributeProjection.Default, groups)));

    /// <summary>One user with <c>attributes=userName,emails</c>: what is left out is not copied.</summary>
    [Benchmark]
    public ValueTask OneUserProjected() => WriteAsync(new ResourceBody<UserRow>(row, new UserRenderer(narrow, groups)));

    /// <summary>A ListResponse of 100 users, default attributes.</summary>
    [Benchmark]
    public ValueTask PageOf100() => WriteAsync(new ListResponseBody([new ListSection<UserRow>(page, new UserRenderer(AttributeProjection.Default, groups))], 5_000, 1, null));

    private async ValueTask WriteAsync(ScimBody body)
    {
        buffer.ResetWrittenCount();
        await using var json = new Utf8JsonWriter(buffer);
        await body.WriteAsync(new ScimJsonOutput(json, BaseUrl), CancellationToken.None);
    }
}
