using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Scim.Client;
using Scim.LoadTest.Scenarios;

namespace Scim.LoadTest.Floor;

/// <summary>
/// A bare Kestrel minimal-API server on 127.0.0.1 (a free port) with one endpoint, <c>GET /Users/{id}</c>, answering
/// a fixed SCIM user of about 2 KB. The user is serialized with System.Text.Json on every request, so the floor pays
/// what any server pays to write a response; there is no authentication, no database and no middleware.
/// </summary>
internal sealed class KestrelFloor : IAsyncDisposable
{
    public const string UserId = "2819c223-7f76-453a-919d-413861904646";

    private static readonly JsonSerializerOptions WriteOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly WebApplication app;

    private KestrelFloor(WebApplication app, Uri baseUrl, int responseBytes)
    {
        this.app = app;
        BaseUrl = baseUrl;
        ResponseBytes = responseBytes;
    }

    public Uri BaseUrl { get; }

    /// <summary>Size of one response body.</summary>
    public int ResponseBytes { get; }

    public static async Task<KestrelFloor> StartAsync(CancellationToken cancellationToken)
    {
        var user = SampleUser();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.MapGet("/Users/{id}", async context =>
        {
            context.Response.ContentType = ScimClient.MediaType;
            await JsonSerializer.SerializeAsync(context.Response.Body, user, WriteOptions, context.RequestAborted);
        });

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Urls.First();
        return new KestrelFloor(app, new Uri(address.EndsWith('/') ? address : address + "/"), JsonSerializer.SerializeToUtf8Bytes(user, WriteOptions).Length);
    }

    /// <summary>Workers that each send <c>GET /Users/{id}</c> through the generated client, one request at a time.</summary>
    public static IReadOnlyList<ScenarioWorker> Workers(IScimClient client, int concurrency) =>
        [.. Enumerable.Range(0, concurrency).Select(i => new Worker(client, i))];

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    /// <summary>A full user as a directory holds it (about 2 KB of JSON): every core attribute, the enterprise extension, groups.</summary>
    private static User SampleUser()
    {
        var user = ScenarioContext.NewUser("barbara.jensen@floor.example");
        user.Id = UserId;
        user.ExternalId = "bjensen-00042";
        user.DisplayName = "Barbara Jensen";
        user.NickName = "Babs";
        user.ProfileUrl = "https://login.floor.example/bjensen";
        user.Title = "Tour Guide";
        user.UserType = "Employee";
        user.PreferredLanguage = "en-US";
        user.Locale = "en-US";
        user.Timezone = "America/Los_Angeles";
        user.Name = new Name { Formatted = "Ms. Barbara J Jensen, III", FamilyName = "Jensen", GivenName = "Barbara", MiddleName = "Jane", HonorificPrefix = "Ms.", HonorificSuffix = "III" };
        user.Emails =
        [
            new MultiValue { Value = "barbara.jensen@floor.example", Type = "work", Primary = true },
            new MultiValue { Value = "babs@jensen.example", Type = "home" },
        ];
        user.PhoneNumbers =
        [
            new MultiValue { Value = "+1 555 555 5555", Type = "work", Primary = true },
            new MultiValue { Value = "+1 555 555 4444", Type = "mobile" },
        ];
        user.Addresses =
        [
            new Address
            {
                Type = "work", StreetAddress = "100 Universal City Plaza", Locality = "Hollywood", Region = "CA", PostalCode = "91608", Country = "US",
                Formatted = "100 Universal City Plaza\nHollywood, CA 91608 USA", Primary = true,
            },
            new Address
            {
                Type = "home", StreetAddress = "456 Hollywood Blvd", Locality = "Hollywood", Region = "CA", PostalCode = "91608", Country = "US",
                Formatted = "456 Hollywood Blvd\nHollywood, CA 91608 USA",
            },
        ];
        user.Groups =
        [
            .. Enumerable.Range(1, 3).Select(i => new GroupReference
            {
                Value = $"e9e30dba-f08f-4109-8486-d5c6a33199{i:D2}",
                Ref = $"https://scim.floor.example/Groups/e9e30dba-f08f-4109-8486-d5c6a33199{i:D2}",
                Display = $"Tour Guides {i}",
            }),
        ];
        user.Enterprise = new EnterpriseUser
        {
            EmployeeNumber = "701984",
            CostCenter = "4130",
            Organization = "Universal Studios",
            Division = "Theme Park",
            Department = "Tour Operations",
            Manager = new Manager { Value = "26118915-6090-4610-87e4-49d8ca9f808d", Ref = "https://scim.floor.example/Users/26118915-6090-4610-87e4-49d8ca9f808d", DisplayName = "John Smith" },
        };
        user.Meta = new Meta
        {
            ResourceType = "User",
            Created = new DateTimeOffset(2024, 1, 23, 4, 56, 22, TimeSpan.Zero),
            LastModified = new DateTimeOffset(2025, 5, 13, 4, 42, 34, TimeSpan.Zero),
            Location = $"https://scim.floor.example/Users/{UserId}",
        };
        return user;
    }

    private sealed class Worker(IScimClient client, int index) : ScenarioWorker(index)
    {
        public override Operation Next => Operation.GetUser;

        public override Task StepAsync(CancellationToken cancellationToken) => client.GetUserAsync(UserId, cancellationToken: cancellationToken);
    }
}
