using System.Net;
using System.Text;
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
/// Attributes the server derives at read time are not filterable; the test lists them.</item>
/// </list>
/// Every disagreement is collected, so one run lists them all.
/// </summary>
public sealed class SchemaAgreementTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private const string UserUrn = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string EnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string GroupUrn = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    // Rounds of values: 1 is POSTed, 2 PUT, 3 PATCHed by attribute, 4 PATCHed by sub-attribute.
    private const int Rounds = 4;

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

    /// <summary>An attribute (<see cref="Parent"/> null) or sub-attribute as /Schemas describes it.</summary>
    private sealed record Facet(string Urn, bool InExtension, JsonObject Attribute, JsonObject? Parent)
    {
        public string Name => Attribute["name"]!.GetValue<string>();

        public string? ParentName => Parent?["name"]!.GetValue<string>();

        public string Path => (InExtension ? Urn + ":" : "") + (Parent is null ? Name : $"{ParentName}.{Name}");

        public string Mutability => Attribute["mutability"]!.GetValue<string>();

        public string Returned => Attribute["returned"]!.GetValue<string>();

        public string Type => Attribute["type"]!.GetValue<string>();

        public bool MultiValued => Attribute["multiValued"]!.GetValue<bool>();

        public bool InMultiValued => Parent?["multiValued"]!.GetValue<bool>() == true;

        public bool HasSubAttributes => Attribute["subAttributes"] is JsonArray { Count: > 0 };

        /// <summary>Attributes without sub-attributes, and sub-attributes: the facets that hold values.</summary>
        public bool IsLeaf => !HasSubAttributes;

        public bool ParentReadOnly => Parent?["mutability"]!.GetValue<string>() == "readOnly";

        public string[]? CanonicalValues => Attribute["canonicalValues"]?.AsArray().Select(v => v!.GetValue<string>()).ToArray();

        public string[] ReferenceTypes => Attribute["referenceTypes"]?.AsArray().Select(v => v!.GetValue<string>()).ToArray() ?? [];
    }

    private sealed class Run
    {
        private readonly HttpClient client;
        private readonly string urn;
        private readonly bool isGroup;
        private readonly List<Facet> facets;
        private readonly string[] users;
        private readonly string otherGroup;
        private string subject = "";

        private Run(HttpClient client, string urn, List<Facet> facets, string[] users, string otherGroup)
        {
            this.client = client;
            this.urn = urn;
            this.facets = facets;
            this.users = users;
            this.otherGroup = otherGroup;
            isGroup = urn == GroupUrn;
        }

        public List<string> Disagreements { get; } = [];

        private string Endpoint => isGroup ? "Groups" : "Users";

        private string Resource => $"{Endpoint}/{subject}";

        public static async Task<Run> StartAsync(ScimApiFactory factory, string urn)
        {
            var client = await factory.CreateScimClientAsync();
            var schema = (await client.GetListAsync("Schemas")).Resources().Single(s => s["id"]!.GetValue<string>() == urn);
            var inExtension = urn == EnterpriseUrn;
            var facets = new List<Facet>();
            foreach (var attribute in schema["attributes"]!.AsArray().Select(a => a!.AsObject()))
            {
                facets.Add(new Facet(urn, inExtension, attribute, null));
                foreach (var sub in attribute["subAttributes"]?.AsArray().Select(s => s!.AsObject()) ?? [])
                {
                    facets.Add(new Facet(urn, inExtension, sub, attribute));
                }
            }

            // Users that members and managers name, one per round, each with a displayName.
            var users = new string[Rounds];
            for (var i = 0; i < Rounds; i++)
            {
                users[i] = await client.CreateUserAsync($$"""{"userName":"named-{{i + 1}}@example.com","displayName":"Named {{i + 1}}"}""");
            }

            var otherGroup = await client.CreateGroupAsync("""{"displayName":"Not the subject's"}""");
            return new Run(client, urn, facets, users, otherGroup);
        }

        public async Task ReadWriteAndImmutableAreSetByPostAndReadBackAsync()
        {
            var settable = facets.Where(f => f.IsLeaf && f.Mutability is "readWrite" or "immutable" or "writeOnly").ToList();
            var response = await client.PostJsonAsync(Endpoint, Body(settable, 1).ToJsonString());
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
                ExpectValue(read, facet, Sample(facet, 1), "POST, then GET");
                ExpectValue(created, facet, Sample(facet, 1), "the answer to POST");
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
            var settable = facets.Where(f => f.IsLeaf && f.Mutability is "readWrite" or "immutable" or "writeOnly").ToList();
            var response = await client.PutJsonAsync(Resource, Body(settable, 2).ToJsonString());
            var replaced = await response.ReadScimAsync(HttpStatusCode.OK);
            var read = await client.GetScimAsync(Resource);
            foreach (var facet in settable.Where(f => f.Mutability != "writeOnly"))
            {
                ExpectValue(read, facet, Sample(facet, 2), "PUT, then GET");
            }

            ExpectNoWriteOnly(replaced, "the answer to PUT");
        }

        public async Task ReadWriteIsSetByPatchAsync()
        {
            foreach (var facet in facets.Where(f => f.Mutability is "readWrite" or "writeOnly" && !f.ParentReadOnly))
            {
                var round = facet.Parent is null ? 3 : 4;
                var value = facet.Parent is null && facet.HasSubAttributes
                    ? Body(facets.Where(s => s.Parent == facet.Attribute && s.Mutability is "readWrite" or "immutable").ToList(), round, bare: true)[facet.Name]!
                    : Sample(facet, round);
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
                    ExpectValue(read, leaf, Sample(leaf, round), $"PATCH replace of {facet.Path}, then GET");
                }
            }
        }

        public async Task ImmutableIsRefusedByPatchAsync()
        {
            foreach (var facet in facets.Where(f => f.IsLeaf && f.Mutability == "immutable"))
            {
                var before = await client.GetScimAsync(Resource);
                var current = ValuesAt(before, facet).FirstOrDefault();
                if (current is null)
                {
                    Disagree(facet, "immutable, but the resource has no value to change");
                    continue;
                }

                var path = facet.InMultiValued
                    ? $"{facet.ParentName}[{facet.Name} eq {current.ToJsonString()}].{facet.Name}"
                    : facet.Path;
                var different = Sample(facet, 3).ToJsonString() == current.ToJsonString() ? Sample(facet, 4) : Sample(facet, 3);
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
            var probe = Body(readOnly, 1, bogus: true);
            var response = await client.PostJsonAsync(Endpoint, probe.ToJsonString());
            var created = await response.ReadScimAsync(HttpStatusCode.Created);
            var probeId = created["id"]!.GetValue<string>();
            foreach (var facet in readOnly)
            {
                ExpectIgnored(created, facet, 1, "POST");
                ExpectIgnored(await client.GetScimAsync($"{Endpoint}/{probeId}"), facet, 1, "POST, then GET");
            }

            var replaced = await (await client.PutJsonAsync($"{Endpoint}/{probeId}", Body(readOnly, 2, bogus: true).ToJsonString())).ReadScimAsync(HttpStatusCode.OK);
            foreach (var facet in readOnly)
            {
                ExpectIgnored(replaced, facet, 2, "PUT");
            }

            foreach (var facet in facets.Where(f => f.Mutability == "readOnly"))
            {
                var before = await client.GetScimAsync(Resource);
                var value = facet.HasSubAttributes
                    ? Body(facets.Where(s => s.Parent == facet.Attribute).ToList(), 3, bogus: true, bare: true)[facet.Name]!
                    : Bogus(facet, 3);
                await ExpectRefusedAsync(facet, facet.Path, value, before, "readOnly");
            }
        }

        public async Task FiltersCompareAsCaseExactSaysAsync()
        {
            var read = await client.GetScimAsync(Resource);
            var notFilterable = new List<string>();
            foreach (var facet in facets.Where(f => f.IsLeaf && f.Type is "string" or "reference" or "binary"))
            {
                if (ValuesAt(read, facet).FirstOrDefault() is not JsonValue held || !held.TryGetValue<string>(out var value))
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

            string[] derived = isGroup
                ? ["members.$ref", "members.display"]
                : urn == EnterpriseUrn
                    ? [$"{urn}:manager.$ref", $"{urn}:manager.displayName"]
                    : ["groups.value", "groups.$ref", "groups.display", "groups.type"];
            var unexpected = notFilterable.Except(derived).ToList();
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

        // A resource body with a value for each facet: the sample of the round, or a value the server must not keep.
        // An element of a multi-valued attribute gets all its facets; one that would carry only readOnly values also gets
        // its value, so that it is an element at all.
        private JsonObject Body(List<Facet> set, int round, bool bogus = false, bool bare = false)
        {
            var body = bare ? [] : isGroup
                ? new JsonObject { ["displayName"] = $"Subject {round}{(bogus ? " probe" : "")}" }
                : new JsonObject { ["userName"] = $"subject-{round}{(bogus ? "-probe" : "")}@example.com" };
            foreach (var facet in set)
            {
                var container = facet.InExtension && !bare ? Object(body, urn) : body;
                var value = bogus ? Bogus(facet, round) : Sample(facet, round);
                if (facet.Parent is null)
                {
                    container[facet.Name] = value;
                    continue;
                }

                var holder = facet.InMultiValued
                    ? (container[facet.ParentName!] ??= new JsonArray(new JsonObject()))[0]!.AsObject()
                    : Object(container, facet.ParentName!);
                holder[facet.Name] = value;
                if (bogus && !facet.ParentReadOnly && !holder.ContainsKey("value"))
                {
                    var companion = facets.Single(f => f.Parent == facet.Parent && f.Name == "value");
                    holder["value"] = Sample(companion, round);
                }
            }

            return body;
        }

        // A value for the facet that a readWrite or immutable attribute must read back as it is.
        private JsonNode Sample(Facet facet, int round)
        {
            if (facet.Name == "value" && facet.ParentName is "members" or "manager")
            {
                return users[round - 1];
            }

            if (facet.Name == "type" && facet.ParentName == "members")
            {
                return "User";
            }

            if (facet.Name == "userName")
            {
                return $"subject-{round}@example.com";
            }

            if (facet.CanonicalValues is { Length: > 0 } canonical)
            {
                return canonical[(round - 1) % canonical.Length];
            }

            return facet.Type switch
            {
                "boolean" => round % 2 == 1,
                "integer" => round,
                "decimal" => round + 0.5,
                "dateTime" => $"2001-01-0{round}T00:00:00Z",
                "binary" => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{facet.Path}-{round}")),
                "reference" => $"https://example.com/{facet.Name}/{round}",
                _ => $"{facet.Name}-{round}",
            };
        }

        // A value for a readOnly facet that differs from anything the server would give it.
        private JsonNode Bogus(Facet facet, int round) => facet.Type switch
        {
            "boolean" => round % 2 == 0,
            "reference" => $"https://elsewhere.example/{facet.Name}/{round}",
            "dateTime" => $"2001-01-0{round}T00:00:00Z",
            _ when facet.Name == "value" => otherGroup,
            _ => $"bogus-{facet.Name}-{round}",
        };

        private void ExpectValue(JsonObject resource, Facet facet, JsonNode expected, string how)
        {
            var values = ValuesAt(resource, facet).ToList();
            if (!values.Any(v => JsonNode.DeepEquals(v, expected)))
            {
                Disagree(facet, $"{facet.Mutability}, but after {how} it reads [{string.Join(", ", values.Select(v => v.ToJsonString()))}], not {expected.ToJsonString()}");
            }
        }

        private void ExpectIgnored(JsonObject resource, Facet facet, int round, string how)
        {
            if (ValuesAt(resource, facet).Any(v => JsonNode.DeepEquals(v, Bogus(facet, round))))
            {
                Disagree(facet, $"readOnly, but {how} kept the client's value {Bogus(facet, round).ToJsonString()}");
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

        private bool Has(JsonObject resource, Facet facet) => ValuesAt(resource, facet).Any();

        private IEnumerable<JsonNode> ValuesAt(JsonObject resource, Facet facet)
        {
            var container = facet.InExtension ? resource[urn] as JsonObject : resource;
            if (container is null)
            {
                return [];
            }

            if (facet.Parent is null)
            {
                return container[facet.Name] is { } value ? [value] : [];
            }

            return container[facet.ParentName!] switch
            {
                JsonArray elements => elements.OfType<JsonObject>().Select(e => e[facet.Name]).OfType<JsonNode>(),
                JsonObject parent => parent[facet.Name] is { } value ? [value] : [],
                _ => [],
            };
        }

        private void Disagree(Facet facet, string what) => Disagreements.Add($"{facet.Path}: {what}");

        private static JsonObject Object(JsonObject container, string name) => (container[name] ??= new JsonObject()).AsObject();

        private static string Escape(string path) => path.Replace("\"", "\\\"", StringComparison.Ordinal);
    }
}
