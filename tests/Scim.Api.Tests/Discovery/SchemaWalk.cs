using System.Text;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Discovery;

/// <summary>An attribute (<see cref="Parent"/> null) or sub-attribute as /Schemas describes it.</summary>
/// <param name="Urn">The schema that defines it.</param>
/// <param name="InExtension">Whether the schema is an extension, whose attributes sit under its URN in a resource.</param>
/// <param name="Attribute">Its definition (RFC 7643 §7).</param>
/// <param name="Parent">The definition of the complex attribute it belongs to, or null.</param>
internal sealed record Facet(string Urn, bool InExtension, JsonObject Attribute, JsonObject? Parent)
{
    public string Name => Attribute["name"]!.GetValue<string>();

    public string? ParentName => Parent?["name"]!.GetValue<string>();

    public string Path => (InExtension ? Urn + ":" : "") + (Parent is null ? Name : $"{ParentName}.{Name}");

    public string Mutability => Attribute["mutability"]!.GetValue<string>();

    public string Returned => Attribute["returned"]!.GetValue<string>();

    public string Type => Attribute["type"]!.GetValue<string>();

    public bool MultiValued => Attribute["multiValued"]!.GetValue<bool>();

    public bool CaseExact => Attribute["caseExact"]?.GetValue<bool>() == true;

    public bool InMultiValued => Parent?["multiValued"]!.GetValue<bool>() == true;

    public bool HasSubAttributes => Attribute["subAttributes"] is JsonArray { Count: > 0 };

    /// <summary>Attributes without sub-attributes, and sub-attributes: the facets that hold values.</summary>
    public bool IsLeaf => !HasSubAttributes;

    public bool ParentReadOnly => Parent?["mutability"]!.GetValue<string>() == "readOnly";

    public string[]? CanonicalValues => Attribute["canonicalValues"]?.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    public string[] ReferenceTypes => Attribute["referenceTypes"]?.AsArray().Select(v => v!.GetValue<string>()).ToArray() ?? [];

    /// <summary>The facets of every attribute and sub-attribute of <paramref name="schema"/>, as /Schemas lists them.</summary>
    public static List<Facet> Of(JsonObject schema, bool inExtension)
    {
        var urn = schema["id"]!.GetValue<string>();
        var facets = new List<Facet>();
        foreach (var attribute in schema["attributes"]!.AsArray().Select(a => a!.AsObject()))
        {
            facets.Add(new Facet(urn, inExtension, attribute, null));
            foreach (var sub in attribute["subAttributes"]?.AsArray().Select(s => s!.AsObject()) ?? [])
            {
                facets.Add(new Facet(urn, inExtension, sub, attribute));
            }
        }

        return facets;
    }
}

/// <summary>
/// One schema of /Schemas in an organization of its own, with the resources that its samples refer to: users that
/// members and managers name (one per round of sample values, each with a displayName) and a group that is not the
/// subject's. Builds resource bodies that give every facet a value.
/// </summary>
internal sealed class SchemaWalk
{
    public const string UserUrn = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string EnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string GroupUrn = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /// <summary>Rounds of sample values: tests give each round's values to a resource of its own, or write them in turn.</summary>
    public const int Rounds = 4;

    /// <summary>
    /// The attributes the server derives when it reads a resource, which filters cannot name (400 invalidFilter, the
    /// detail saying why): the documented exceptions to "every attribute is filterable".
    /// </summary>
    public static readonly IReadOnlySet<string> NotFilterable = new HashSet<string>(StringComparer.Ordinal)
    {
        "password", "groups.$ref", "groups.display", "members.$ref", "members.display", "meta.location",
        $"{EnterpriseUrn}:manager.$ref", $"{EnterpriseUrn}:manager.displayName",
    };

    private SchemaWalk(HttpClient client, string urn, List<Facet> facets, string[] users, string otherGroup)
    {
        Client = client;
        Urn = urn;
        Facets = facets;
        Users = users;
        OtherGroup = otherGroup;
    }

    public HttpClient Client { get; }

    public string Urn { get; }

    public List<Facet> Facets { get; }

    /// <summary>The user each round's <c>members.value</c> and <c>manager.value</c> name.</summary>
    public string[] Users { get; }

    /// <summary>A group whose id no round's sample uses.</summary>
    public string OtherGroup { get; }

    public bool IsGroup => Urn == GroupUrn;

    public string Endpoint => IsGroup ? "Groups" : "Users";

    /// <summary>The leaves a client may send: readWrite, immutable and writeOnly ones.</summary>
    public List<Facet> Settable => [.. Facets.Where(f => f.IsLeaf && f.Mutability is "readWrite" or "immutable" or "writeOnly")];

    /// <summary>Reads <paramref name="urn"/> from /Schemas in a new organization and creates the resources its samples name.</summary>
    public static async Task<SchemaWalk> StartAsync(ScimApiFactory factory, string urn)
    {
        var client = await factory.CreateScimClientAsync();
        var schema = (await client.GetListAsync("Schemas")).Resources().Single(s => s["id"]!.GetValue<string>() == urn);
        var users = new string[Rounds];
        for (var i = 0; i < Rounds; i++)
        {
            users[i] = await client.CreateUserAsync($$"""{"userName":"named-{{i + 1}}@example.com","displayName":"Named {{i + 1}}"}""");
        }

        var otherGroup = await client.CreateGroupAsync("""{"displayName":"Not the subject's"}""");
        return new SchemaWalk(client, urn, Facet.Of(schema, inExtension: urn == EnterpriseUrn), users, otherGroup);
    }

    /// <summary>
    /// A resource body with a value for each facet: the sample of the round, or a value the server must not keep.
    /// An element of a multi-valued attribute gets all its facets; one that would carry only readOnly values also gets
    /// its value, so that it is an element at all.
    /// </summary>
    public JsonObject Body(List<Facet> set, int round, bool bogus = false, bool bare = false)
    {
        var body = bare ? [] : IsGroup
            ? new JsonObject { ["displayName"] = $"Subject {round}{(bogus ? " probe" : "")}" }
            : new JsonObject { ["userName"] = $"subject-{round}{(bogus ? "-probe" : "")}@example.com" };
        foreach (var facet in set)
        {
            var container = facet.InExtension && !bare ? Object(body, Urn) : body;
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
                var companion = Facets.Single(f => f.Parent == facet.Parent && f.Name == "value");
                holder["value"] = Sample(companion, round);
            }
        }

        return body;
    }

    /// <summary>A value for the facet that a readWrite or immutable attribute must read back as it is.</summary>
    public JsonNode Sample(Facet facet, int round)
    {
        if (facet.Name == "value" && facet.ParentName is "members" or "manager")
        {
            return Users[round - 1];
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

    /// <summary>A value for a readOnly facet that differs from anything the server would give it.</summary>
    public JsonNode Bogus(Facet facet, int round) => facet.Type switch
    {
        "boolean" => round % 2 == 0,
        "reference" => $"https://elsewhere.example/{facet.Name}/{round}",
        "dateTime" => $"2001-01-0{round}T00:00:00Z",
        _ when facet.Name == "value" => OtherGroup,
        _ => $"bogus-{facet.Name}-{round}",
    };

    /// <summary>The values the facet has in <paramref name="resource"/> (one per element of a multi-valued attribute that has it).</summary>
    public static IEnumerable<JsonNode> ValuesAt(JsonObject resource, Facet facet)
    {
        var container = facet.InExtension ? resource[facet.Urn] as JsonObject : resource;
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

    private static JsonObject Object(JsonObject container, string name) => (container[name] ??= new JsonObject()).AsObject();
}
