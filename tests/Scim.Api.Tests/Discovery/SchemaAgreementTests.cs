using System.Net;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Discovery;

/// <summary>
/// What <c>/Schemas</c> says of every attribute and sub-attribute of User, EnterpriseUser and Group is what the server
/// does (RFC 7643 §7, RFC 7644 §3.3, §3.5.1, §3.5.2, §3.9). The test reads each schema from <c>/Schemas</c> and, for
/// every attribute it lists:
/// <list type="bullet">
/// <item><c>readWrite</c>: set by POST, by PUT, and by a PATCH of the attribute (and of each sub-attribute), and read
/// back as sent.</item>
/// <item><c>immutable</c>: set by POST and read back; a PATCH giving an existing value another one is 400 mutability
/// and changes nothing.</item>
/// <item><c>readOnly</c>: a client value in a POST or PUT is ignored; a PATCH giving it another value is 400 mutability
/// and changes nothing.</item>
/// <item><c>writeOnly</c>: accepted, and never in an answer, not even when <c>attributes</c> names it.</item>
/// <item><c>returned</c>: <c>always</c> whatever the parameters say, <c>default</c> unless <c>excludedAttributes</c>
/// names it, <c>request</c> only when <c>attributes</c> names it, <c>never</c> never.</item>
/// <item><c>caseExact</c>: a filter <c>eq</c> on the attribute's value with every letter's case swapped matches when
/// it is false and does not when it is true (RFC 7643 §2.2, RFC 7644 §3.4.2.2); the value as read always matches.
/// Attributes the server derives at read time are not filterable (<see cref="SchemaWalk.NotFilterable"/>); every
/// operator on every attribute is <c>FilterCoverageTests</c>' concern.</item>
/// </list>
/// Every disagreement is collected, so one run lists them all.
/// </summary>
public sealed class SchemaAgreementTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string UserUrn = SchemaWalk.UserUrn;
    private const string EnterpriseUrn = SchemaWalk.EnterpriseUrn;
    private const string GroupUrn = SchemaWalk.GroupUrn;
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    [Theory]
    [InlineData(UserUrn)]
    [InlineData(EnterpriseUrn)]
    [InlineData(GroupUrn)]
    public async Task EveryAttribute_BehavesAsTheSchemaSays(string urn)
    {
        var run = await Run.StartAsync(factory, urn);

        await run.ReadWriteAndImmutableAreSetByPostAndReadBackAsync();
        await run.ReturnedIsHonouredAsync();
        await run.ReadWriteIsSetByPutAsync();
        await run.ReadWriteIsSetByPatchAsync();
        await run.ImmutableIsRefusedByPatchAsync();
        await run.ReadOnlyIsIgnoredByPostAndPutAndRefusedByPatchAsync();
        await run.FiltersCompareAsCaseExactSaysAsync();

        Assert.True(run.Disagreements.Count == 0, $"/Schemas and behaviour disagree for {urn}:\n" + string.Join("\n", run.Disagreements));
    }

    [Fact]
    public async Task Schemas_ListTheThreeSchemasWalked()
    {
        var client = await factory.CreateScimClientAsync();

        var ids = (await client.GetListAsync("Schemas")).Resources().Select(s => s["id"]!.GetValue<string>());

        Assert.Equal([GroupUrn, UserUrn, EnterpriseUrn], ids.Order(StringComparer.Ordinal));
    }

    private sealed class Run(SchemaWalk walk)
    {
        private readonly HttpClient client = walk.Client;
        private readonly bool isGroup = walk.IsGroup;
        private readonly List<Facet> facets = walk.Facets;
        private string subject = "";

        public List<string> Disagreements { get; } = [];

        private string Endpoint => walk.Endpoint;

        private string Resource => $"{Endpoint}/{subject}";

        public static async Task<Run> StartAsync(ScimApiFactory factory, string urn) => new(await SchemaWalk.StartAsync(factory, urn));

        public async Task ReadWriteAndImmutableAreSetByPostAndReadBackAsync()
        {
            var settable = walk.Settable;
            var response = await client.PostJsonAsync(Endpoint, walk.Body(settable, 1).ToJsonString());
            var created = await response.ReadScimAsync(HttpStatusCode.Created);
            subject = created["id"]!.GetValue<string>();
            if (!isGroup)
            {
                // groups (readOnly) gets its values from a membership.
                await client.CreateGroupAsync($$"""{"displayName":"Team","members":[{"value":"{{subject}}"}]}""");
            }

            var read = await client.GetScimAsync(Resource);
            foreach (var facet in settable.Where(f => f.Mutability != "writeOnly"))
            {
                ExpectValue(read, facet, walk.Sample(facet, 1), "POST, then GET");
                ExpectValue(created, facet, walk.Sample(facet, 1), "the answer to POST");
            }

            ExpectNoWriteOnly(created, "the answer to POST");
        }

        public async Task ReturnedIsHonouredAsync()
        {
            foreach (var facet in facets.Where(f => f.IsLeaf || f.Parent is null))
            {
                var path = Uri.EscapeDataString(facet.Path);
                var whole = await client.GetScimAsync(Resource);
                var excluded = await client.GetScimAsync($"{Resource}?excludedAttributes={path}");
                var requested = await client.GetScimAsync($"{Resource}?attributes={path}");
                var other = await client.GetScimAsync($"{Resource}?attributes=externalId");
                var (inWhole, inExcluded, inRequested, inOther) = (Has(whole, facet), Has(excluded, facet), Has(requested, facet), Has(other, facet));
                var expected = facet.Returned switch
                {
                    "always" => (true, true, true, true),
                    "default" => (true, false, true, false),
                    "request" => (false, false, true, false),
                    "never" => (false, false, false, false),
                    var unknown => throw new InvalidOperationException($"{facet.Path}: returned '{unknown}' is not an RFC 7643 §7 value."),
                };

                if ((inWhole, inExcluded, inRequested, inOther) != expected)
                {
                    Disagree(facet, $"returned {facet.Returned}: present by default {inWhole}, with excludedAttributes {inExcluded}, "
                        + $"with attributes naming it {inRequested}, with attributes naming another {inOther}; expected {expected}");
                }
            }
        }

        public async Task ReadWriteIsSetByPutAsync()
        {
            var settable = walk.Settable;
            var response = await client.PutJsonAsync(Resource, walk.Body(settable, 2).ToJsonString());
            var replaced = await response.ReadScimAsync(HttpStatusCode.OK);
            var read = await client.GetScimAsync(Resource);
            foreach (var facet in settable.Where(f => f.Mutability != "writeOnly"))
            {
                ExpectValue(read, facet, walk.Sample(facet, 2), "PUT, then GET");
            }

            ExpectNoWriteOnly(replaced, "the answer to PUT");
        }

        public async Task ReadWriteIsSetByPatchAsync()
        {
            foreach (var facet in facets.Where(f => f.Mutability is "readWrite" or "writeOnly" && !f.ParentReadOnly))
            {
                var round = facet.Parent is null ? 3 : 4;
                var value = facet.Parent is null && facet.HasSubAttributes
                    ? walk.Body(facets.Where(s => s.Parent == facet.Attribute && s.Mutability is "readWrite" or "immutable").ToList(), round, bare: true)[facet.Name]!
                    : walk.Sample(facet, round);
                var response = await client.PatchJsonAsync(Resource, $$"""
                    {"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"{{Escape(facet.Path)}}","value":{{value.ToJsonString()}}}]}
                    """);
                if (!response.IsSuccessStatusCode)
                {
                    Disagree(facet, $"{facet.Mutability}, but PATCH replace of it answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    continue;
                }

                var read = await client.GetScimAsync(Resource);
                if (facet.Mutability == "writeOnly")
                {
                    ExpectNoWriteOnly(read, "PATCH, then GET");
                    continue;
                }

                var leaves = facet.HasSubAttributes
                    ? facets.Where(s => s.Parent == facet.Attribute && s.Mutability is "readWrite" or "immutable").ToList()
                    : [facet];
                foreach (var leaf in leaves)
                {
                    ExpectValue(read, leaf, walk.Sample(leaf, round), $"PATCH replace of {facet.Path}, then GET");
                }
            }
        }

        public async Task ImmutableIsRefusedByPatchAsync()
        {
            foreach (var facet in facets.Where(f => f.IsLeaf && f.Mutability == "immutable"))
            {
                var before = await client.GetScimAsync(Resource);
                var current = SchemaWalk.ValuesAt(before, facet).FirstOrDefault();
                if (current is null)
                {
                    Disagree(facet, "immutable, but the resource has no value to change");
                    continue;
                }

                var path = facet.InMultiValued
                    ? $"{facet.ParentName}[{facet.Name} eq {current.ToJsonString()}].{facet.Name}"
                    : facet.Path;
                var different = walk.Sample(facet, 3).ToJsonString() == current.ToJsonString() ? walk.Sample(facet, 4) : walk.Sample(facet, 3);
                if (facet.CanonicalValues is { } canonical)
                {
                    different = canonical.First(v => v != current.GetValue<string>());
                }

                await ExpectRefusedAsync(facet, path, different, before, "immutable");
            }
        }

        public async Task ReadOnlyIsIgnoredByPostAndPutAndRefusedByPatchAsync()
        {
            var readOnly = facets.Where(f => f.IsLeaf && f.Mutability == "readOnly").ToList();
            var probe = walk.Body(readOnly, 1, bogus: true);
            var response = await client.PostJsonAsync(Endpoint, probe.ToJsonString());
            var created = await response.ReadScimAsync(HttpStatusCode.Created);
            var probeId = created["id"]!.GetValue<string>();
            foreach (var facet in readOnly)
            {
                ExpectIgnored(created, facet, 1, "POST");
                ExpectIgnored(await client.GetScimAsync($"{Endpoint}/{probeId}"), facet, 1, "POST, then GET");
            }

            var replaced = await (await client.PutJsonAsync($"{Endpoint}/{probeId}", walk.Body(readOnly, 2, bogus: true).ToJsonString())).ReadScimAsync(HttpStatusCode.OK);
            foreach (var facet in readOnly)
            {
                ExpectIgnored(replaced, facet, 2, "PUT");
            }

            foreach (var facet in facets.Where(f => f.Mutability == "readOnly"))
            {
                var before = await client.GetScimAsync(Resource);
                var value = facet.HasSubAttributes
                    ? walk.Body(facets.Where(s => s.Parent == facet.Attribute).ToList(), 3, bogus: true, bare: true)[facet.Name]!
                    : walk.Bogus(facet, 3);
                await ExpectRefusedAsync(facet, facet.Path, value, before, "readOnly");
            }
        }

        public async Task FiltersCompareAsCaseExactSaysAsync()
        {
            var read = await client.GetScimAsync(Resource);
            var notFilterable = new List<string>();
            foreach (var facet in facets.Where(f => f.IsLeaf && f.Type is "string" or "reference" or "binary"))
            {
                if (SchemaWalk.ValuesAt(read, facet).FirstOrDefault() is not JsonValue held || !held.TryGetValue<string>(out var value))
                {
                    continue;
                }

                var exact = await FindsSubjectAsync(facet, value);
                if (exact is null)
                {
                    notFilterable.Add(facet.Path);
                    continue;
                }

                var swapped = new string(value.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());
                var caseExact = facet.Attribute["caseExact"]!.GetValue<bool>();
                if (exact != true)
                {
                    Disagree(facet, $"a filter eq its value '{value}' does not find the resource");
                }
                else if (swapped != value && await FindsSubjectAsync(facet, swapped) != !caseExact)
                {
                    Disagree(facet, $"caseExact {caseExact.ToString().ToLowerInvariant()}, but a filter eq '{swapped}' (the value '{value}' with its case swapped) "
                        + (caseExact ? "finds the resource" : "does not find the resource"));
                }
            }

            var unexpected = notFilterable.Except(SchemaWalk.NotFilterable).ToList();
            if (unexpected.Count > 0)
            {
                Disagreements.Add($"not filterable although stored: {string.Join(", ", unexpected)}");
            }
        }

        // Whether a filter eq value finds the subject; null when the filter is refused as naming no filterable attribute.
        private async Task<bool?> FindsSubjectAsync(Facet facet, string value)
        {
            var filter = $"{facet.Path} eq {JsonValue.Create(value).ToJsonString()}";
            var response = await client.GetAsync($"{Endpoint}?count=1000&filter={Uri.EscapeDataString(filter)}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                return null;
            }

            var list = await response.ReadScimAsync(HttpStatusCode.OK);
            return list.Resources().Any(r => r["id"]!.GetValue<string>() == subject);
        }

        private async Task ExpectRefusedAsync(Facet facet, string path, JsonNode value, JsonObject before, string mutability)
        {
            var response = await client.PatchJsonAsync(Resource, $$"""
                {"schemas":["{{PatchOp}}"],"Operations":[{"op":"replace","path":"{{Escape(path)}}","value":{{value.ToJsonString()}}}]}
                """);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || JsonNode.Parse(body)?["scimType"]?.GetValue<string>() != "mutability")
            {
                Disagree(facet, $"{mutability}, but PATCH replace of {path} with {value.ToJsonString()} answered {(int)response.StatusCode}: {body}");
            }

            var after = await client.GetScimAsync(Resource);
            if (!JsonNode.DeepEquals(before, after))
            {
                Disagree(facet, $"{mutability}, but a refused PATCH of {path} changed the resource: {after}");
            }
        }

        private void ExpectValue(JsonObject resource, Facet facet, JsonNode expected, string how)
        {
            var values = SchemaWalk.ValuesAt(resource, facet).ToList();
            if (!values.Any(v => JsonNode.DeepEquals(v, expected)))
            {
                Disagree(facet, $"{facet.Mutability}, but after {how} it reads [{string.Join(", ", values.Select(v => v.ToJsonString()))}], not {expected.ToJsonString()}");
            }
        }

        private void ExpectIgnored(JsonObject resource, Facet facet, int round, string how)
        {
            if (SchemaWalk.ValuesAt(resource, facet).Any(v => JsonNode.DeepEquals(v, walk.Bogus(facet, round))))
            {
                Disagree(facet, $"readOnly, but {how} kept the client's value {walk.Bogus(facet, round).ToJsonString()}");
            }
        }

        private void ExpectNoWriteOnly(JsonObject resource, string how)
        {
            foreach (var facet in facets.Where(f => f.Mutability == "writeOnly" || f.Returned == "never"))
            {
                if (Has(resource, facet))
                {
                    Disagree(facet, $"{facet.Mutability}, returned {facet.Returned}, but {how} returned it");
                }
            }
        }

        private static bool Has(JsonObject resource, Facet facet) => SchemaWalk.ValuesAt(resource, facet).Any();

        private void Disagree(Facet facet, string what) => Disagreements.Add($"{facet.Path}: {what}");

        private static string Escape(string path) => path.Replace("\"", "\\\"", StringComparison.Ordinal);
    }
}
