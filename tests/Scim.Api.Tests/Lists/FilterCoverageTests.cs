using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Scim.Api.Tests.Discovery;
using Scim.Testing;

namespace Scim.Api.Tests.Lists;

/// <summary>
/// Every attribute is filterable with every operator its type takes (RFC 7644 §3.4.2.2, RFC 7643 §2.2): for each
/// attribute and sub-attribute /Schemas lists for User, EnterpriseUser and Group, and the common attributes it does not
/// list (<c>schemas</c>, <c>id</c>, <c>externalId</c>, <c>meta</c> and its sub-attributes, RFC 7643 §3 and §3.1), the
/// test sends each of <c>eq ne co sw ew gt ge lt le pr</c> against a small directory and checks the answer:
/// <list type="bullet">
/// <item>operators of the attribute's type (strings and references: all; binary: <c>eq ne co sw ew pr</c>; boolean:
/// <c>eq ne pr</c>; dateTime: all but <c>co sw ew</c>) answer 200 with exactly the resources that
/// the test works out from their representations, honouring caseExact (the string operators are also sent
/// with the value's case swapped);</item>
/// <item>a complex attribute alone takes <c>pr</c> (a single-valued one: any sub-attribute has a value; a multi-valued
/// one: it has an element), and the other operators compare its default sub-attribute (<c>value</c>, <c>formatted</c>
/// for addresses, <c>value</c> for the enterprise manager) or are 400 invalidFilter;</item>
/// <item>other operators, and every operator on an attribute the server derives when it reads a resource
/// (<see cref="SchemaWalk.NotFilterable"/>), are 400 invalidFilter; nothing is ever a 500.</item>
/// </list>
/// Every disagreement is collected, so one run lists them all.
/// </summary>
public sealed class FilterCoverageTests(ScimApiFactory factory) : IClassFixture<ScimApiFactory>
{
    private static readonly string[] Operators = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr"];

    [Theory]
    [InlineData(SchemaWalk.UserUrn)]
    [InlineData(SchemaWalk.EnterpriseUrn)]
    [InlineData(SchemaWalk.GroupUrn)]
    public async Task EveryAttribute_TakesTheOperatorsOfItsType(string urn)
    {
        var audit = await Audit.SeedAsync(await SchemaWalk.StartAsync(factory, urn));

        await audit.RunAsync();

        Assert.True(audit.Disagreements.Count == 0, $"Filters on {urn} disagree with the attributes' types:\n" + string.Join("\n", audit.Disagreements));
    }

    private sealed class Audit(SchemaWalk walk, List<Facet> facets, string first, List<JsonObject> resources)
    {
        public List<string> Disagreements { get; } = [];

        /// <summary>
        /// A directory in the walk's organization: a resource with round 1's value for every settable attribute, one with
        /// round 2's, one with none but its name, and the users the samples name; users are members of groups.
        /// </summary>
        public static async Task<Audit> SeedAsync(SchemaWalk walk)
        {
            var client = walk.Client;
            var first = await CreateAsync(walk, WithExternalId(walk.Body(walk.Settable, 1), "External-1"));
            var second = await CreateAsync(walk, WithExternalId(walk.Body(walk.Settable, 2), "External-2"));
            await CreateAsync(walk, walk.Body([], 3));
            if (!walk.IsGroup)
            {
                await client.CreateGroupAsync($$"""{"displayName":"Team","members":[{"value":"{{first}}"},{"value":"{{second}}"}]}""");
                await client.CreateGroupAsync($$"""{"displayName":"Pair","members":[{"value":"{{first}}"}]}""");
            }

            var resources = (await client.GetListAsync($"{walk.Endpoint}?count=200")).Resources();
            return new Audit(walk, [.. walk.Facets, .. CommonFacets(walk.Urn)], first, resources);
        }

        public async Task RunAsync()
        {
            foreach (var facet in facets)
            {
                // The filters on one attribute run at once: each is a query EF Core compiles anew.
                var checks = Operators.SelectMany(op => Operands(facet, op).Select(operand => CheckAsync(facet, op, operand)));
                Disagreements.AddRange((await Task.WhenAll(checks)).OfType<string>());
            }
        }

        /// <summary>Sends <c>facet op operand</c>; returns what is wrong with the answer, or null.</summary>
        private async Task<string?> CheckAsync(Facet facet, string op, JsonNode? operand)
        {
            var filter = operand is null ? $"{facet.Path} pr" : $"{facet.Path} {op} {operand.ToJsonString()}";
            var response = await walk.Client.GetAsync($"{walk.Endpoint}?count=200&attributes=id&filter={Uri.EscapeDataString(filter)}");
            var body = await response.Content.ReadAsStringAsync();
            var expected = Expected(facet, op, operand);
            if (expected is null)
            {
                return response.StatusCode == HttpStatusCode.BadRequest && JsonNode.Parse(body)?["scimType"]?.GetValue<string>() == "invalidFilter"
                    ? null
                    : $"{filter}: expected 400 invalidFilter, got {(int)response.StatusCode}: {body}";
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"{filter}: expected 200, got {(int)response.StatusCode}: {body}";
            }

            var found = JsonNode.Parse(body)!["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            return found.SequenceEqual(expected)
                ? null
                : $"{filter}: expected [{string.Join(", ", expected.Select(Name))}], found [{string.Join(", ", found.Select(Name))}]";
        }

        /// <summary>
        /// The ids of the resources <c>facet op operand</c> matches (<paramref name="operand"/> null for <c>pr</c>), in
        /// ordinal order, or null when the filter must be refused with 400 invalidFilter.
        /// </summary>
        private List<string>? Expected(Facet facet, string op, JsonNode? operand)
        {
            if (SchemaWalk.NotFilterable.Contains(facet.Path))
            {
                return null;
            }

            Func<JsonObject, bool> matches;
            if (op == "pr")
            {
                matches = resource => facet.HasSubAttributes
                    ? Container(resource, facet)?[facet.Name] switch
                    {
                        JsonArray elements => elements.Count > 0,
                        JsonObject complex => complex.Any(member => Present(member.Value)),
                        _ => false,
                    }
                    : Slots(resource, facet).Any(Present);
            }
            else
            {
                var compared = facet.HasSubAttributes ? DefaultSubAttribute(facet) : facet;
                if (compared is null || !OperatorsOf(compared.Type).Contains(op))
                {
                    return null;
                }

                matches = resource => Slots(resource, compared).Any(slot => Holds(compared, slot, op, operand!));
            }

            return [.. resources.Where(matches).Select(r => r["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
        }

        /// <summary>The sub-attribute a filter naming a complex attribute alone compares, as the README documents; null for none.</summary>
        private Facet? DefaultSubAttribute(Facet complex)
        {
            var name = complex.Name == "addresses" ? "formatted"
                : complex.MultiValued || complex.Name == "manager" ? "value"
                : null;
            return facets.SingleOrDefault(f => f.Parent == complex.Attribute && f.Name == name);
        }

        private static string[] OperatorsOf(string type) => type switch
        {
            "string" or "reference" => ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"],
            "binary" => ["eq", "ne", "co", "sw", "ew"],
            "boolean" => ["eq", "ne"],
            "dateTime" => ["eq", "ne", "gt", "ge", "lt", "le"],
            _ => [],
        };

        /// <summary>
        /// The places <paramref name="facet"/> holds a value in <paramref name="resource"/>: one for a single-valued
        /// attribute or a sub-attribute of a single-valued complex one (null when it has none), one per element for a
        /// sub-attribute of a multi-valued attribute (null in an element without it), one per value of a multi-valued
        /// attribute without sub-attributes (<c>schemas</c>). A comparison holds when it holds in one place.
        /// </summary>
        private static IEnumerable<JsonNode?> Slots(JsonObject resource, Facet facet)
        {
            var container = Container(resource, facet);
            if (facet.Parent is null)
            {
                if (!facet.MultiValued)
                {
                    return [container?[facet.Name]];
                }

                return container?[facet.Name] is JsonArray values ? [.. values] : [];
            }

            return container?[facet.ParentName!] switch
            {
                JsonArray elements => elements.Select(e => e?[facet.Name]),
                JsonObject parent => [parent[facet.Name]],
                _ => facet.InMultiValued ? [] : [null],
            };
        }

        private static JsonObject? Container(JsonObject resource, Facet facet) =>
            facet.InExtension ? resource[facet.Urn] as JsonObject : resource;

        private static bool Present(JsonNode? value) => value switch
        {
            null => false,
            JsonValue text when text.TryGetValue<string>(out var s) => s.Length > 0,
            _ => true,
        };

        // RFC 7644 §3.4.2.2: ne holds where the attribute has no value; every other operator needs one.
        private static bool Holds(Facet facet, JsonNode? slot, string op, JsonNode operand)
        {
            if (slot is null)
            {
                return op == "ne";
            }

            int order;
            switch (facet.Type)
            {
                case "boolean":
                    var equal = slot.GetValue<bool>() == operand.GetValue<bool>();
                    return op == "eq" ? equal : !equal;
                case "dateTime":
                    order = Instant(slot).CompareTo(Instant(operand));
                    break;
                default:
                    var (value, text) = facet.CaseExact
                        ? (slot.GetValue<string>(), operand.GetValue<string>())
                        : (slot.GetValue<string>().ToLowerInvariant(), operand.GetValue<string>().ToLowerInvariant());
                    switch (op)
                    {
                        case "co":
                            return value.Contains(text, StringComparison.Ordinal);
                        case "sw":
                            return value.StartsWith(text, StringComparison.Ordinal);
                        case "ew":
                            return value.EndsWith(text, StringComparison.Ordinal);
                    }

                    order = string.CompareOrdinal(value, text);
                    break;
            }

            return op switch
            {
                "eq" => order == 0,
                "ne" => order != 0,
                "gt" => order > 0,
                "ge" => order >= 0,
                "lt" => order < 0,
                "le" => order <= 0,
                _ => throw new InvalidOperationException($"{op} is not an ordering operator."),
            };
        }

        private static DateTimeOffset Instant(JsonNode value) =>
            DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        /// <summary>
        /// The comparison values to send: none for <c>pr</c> (a single null); otherwise the values the first resource has
        /// (or, for an attribute no resource shows, a value of its type), cut for <c>co</c>, <c>sw</c> and <c>ew</c> so
        /// that they compare a part, and each string once more with its letters' case swapped (for <c>eq</c>, the partial
        /// operators and <c>gt</c>: the others follow from them).
        /// </summary>
        private IEnumerable<JsonNode?> Operands(Facet facet, string op)
        {
            if (op == "pr")
            {
                return [null];
            }

            var compared = (facet.HasSubAttributes ? DefaultSubAttribute(facet) : facet) ?? facet;
            var held = resources.Where(r => r["id"]!.GetValue<string>() == first).SelectMany(r => Slots(r, compared)).OfType<JsonValue>()
                .Concat(resources.SelectMany(r => Slots(r, compared)).OfType<JsonValue>())
                .DistinctBy(v => v.ToJsonString())
                .Take(2)
                .ToList();
            if (held.Count == 0)
            {
                held = [compared.Type switch
                {
                    "boolean" => JsonValue.Create(true),
                    "dateTime" => JsonValue.Create("2001-01-01T00:00:00Z"),
                    _ => JsonValue.Create("x"),
                }];
            }

            var operands = new List<JsonNode?>();
            foreach (var value in held)
            {
                if (!value.TryGetValue<string>(out var text) || compared.Type == "dateTime")
                {
                    operands.Add(value.DeepClone());
                    continue;
                }

                var part = op switch
                {
                    "co" when text.Length > 2 => text[1..^1],
                    "sw" when text.Length > 1 => text[..^1],
                    "ew" when text.Length > 1 => text[1..],
                    _ => text,
                };
                var swapped = new string([.. part.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))]);
                operands.Add(JsonValue.Create(part));
                if (swapped != part && op is "eq" or "co" or "sw" or "ew" or "gt")
                {
                    operands.Add(JsonValue.Create(swapped));
                }
            }

            return operands;
        }

        // Ids are long; the test's messages name resources by their userName or displayName.
        private string Name(string id) =>
            resources.FirstOrDefault(r => r["id"]!.GetValue<string>() == id) is { } resource
                ? (resource["userName"] ?? resource["displayName"])?.GetValue<string>() ?? id
                : id;

        // externalId is a common attribute, which the walk's bodies (built from /Schemas) leave out.
        private static JsonObject WithExternalId(JsonObject body, string externalId)
        {
            body["externalId"] = externalId;
            return body;
        }

        private static async Task<string> CreateAsync(SchemaWalk walk, JsonObject body) =>
            (await (await walk.Client.PostJsonAsync(walk.Endpoint, body.ToJsonString())).ReadScimAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();

        /// <summary>
        /// The attributes every resource has outside its schemas, which /Schemas does not list (RFC 7643 §3, §3.1, §7),
        /// as the server defines them: <c>schemas</c> (multi-valued, URNs compared case-insensitively), <c>id</c> and
        /// <c>externalId</c> (caseExact), and <c>meta</c>.
        /// </summary>
        private static List<Facet> CommonFacets(string urn)
        {
            static JsonObject Attribute(string name, string type, bool caseExact = false, bool multiValued = false, params JsonObject[] subAttributes)
            {
                var attribute = new JsonObject { ["name"] = name, ["type"] = type, ["multiValued"] = multiValued, ["caseExact"] = caseExact };
                if (subAttributes.Length > 0)
                {
                    attribute["subAttributes"] = new JsonArray([.. subAttributes]);
                }

                return attribute;
            }

            var schema = new JsonObject
            {
                ["id"] = urn == SchemaWalk.GroupUrn ? SchemaWalk.GroupUrn : SchemaWalk.UserUrn,
                ["attributes"] = new JsonArray(
                    Attribute("schemas", "string", multiValued: true),
                    Attribute("id", "string", caseExact: true),
                    Attribute("externalId", "string", caseExact: true),
                    Attribute(
                        "meta",
                        "complex",
                        subAttributes:
                        [
                            Attribute("resourceType", "string", caseExact: true),
                            Attribute("created", "dateTime"),
                            Attribute("lastModified", "dateTime"),
                            Attribute("location", "reference", caseExact: true),
                            Attribute("version", "string", caseExact: true),
                        ])),
            };
            return Facet.Of(schema, inExtension: false);
        }
    }
}
