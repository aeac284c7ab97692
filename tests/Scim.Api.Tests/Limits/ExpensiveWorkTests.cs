using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Scim.Api.Tests.Admin;
using Scim.Application.Common.Limits;
using Scim.Testing;

namespace Scim.Api.Tests.Limits;

/// <summary>
/// Each organization's expensive work at once (<c>Scim:RateLimits:ExpensiveConcurrency</c>, <c>ExpensiveQueue</c>,
/// <c>ExpensiveQueueSeconds</c>): with its one permit held and no queue, another expensive request of that organization is
/// 503 with Retry-After and a SCIM error, while its cheap requests and another organization's expensive ones are served.
/// </summary>
public sealed class ExpensiveWorkTests
{
    private const string SearchRequest = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"id eq \"2819c223-7f76-453a-919d-413861904646\""}""";

    public static TheoryData<string, string, string?> ExpensiveRequests => new()
    {
        { "GET", "Users?filter=" + Uri.EscapeDataString("""userName co "person" """), null },
        { "GET", "Groups?filter=" + Uri.EscapeDataString("""displayName ew "x" """), null },
        { "GET", "Users?filter=" + Uri.EscapeDataString(string.Join(" or ", Enumerable.Range(0, 11).Select(i => $"userName eq \"u{i}\""))), null },
        { "POST", "Users/.search", SearchRequest },
        { "POST", "Groups/.search", SearchRequest },
        { "POST", ".search", SearchRequest },
        { "GET", "?filter=" + Uri.EscapeDataString("""userName eq "nobody" """), null },
        { "POST", "Bulk", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{"method":"DELETE","path":"/Users/2819c223-7f76-453a-919d-413861904646"}]}""" },
        { "PATCH", "Groups/{group}", PatchOfValues(1_001) },
        { "POST", "Users", LargeUser() },
    };

    [Theory]
    [MemberData(nameof(ExpensiveRequests))]
    public async Task ExpensiveRequest_WhileTheOrganizationsOnlyPermitIsHeld_Is503WithRetryAfter_AndCheapOnesAndOtherOrganizationsAreServed(
        string method, string path, string? body)
    {
        var held = new HeldPermit();
        using var factory = new ScimApiFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Scim:RateLimits:Enabled"] = "true",
                ["Scim:RateLimits:ExpensiveConcurrency"] = "1",
                ["Scim:RateLimits:ExpensiveQueue"] = "0",
                ["Scim:RateLimits:ExpensiveQueueSeconds"] = "3",
            },
            TestServices = services => services.AddSingleton<IExpensiveWorkWatcher>(held),
        };
        var (noisyId, noisyToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var (quietId, quietToken) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var noisyUsers = await factory.InsertUsersAsync(noisyId, 3, displayName: i => $"Person {i}");
        await factory.InsertUsersAsync(quietId, 3, displayName: i => $"Person {i}");
        var noisy = factory.CreateClientWithToken(noisyToken);
        var quiet = factory.CreateClientWithToken(quietToken);
        var group = await noisy.CreateGroupAsync("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Team"}""");
        using var rejections = new RejectionCounter(noisyId);
        held.Organization = noisyId;

        var holder = noisy.GetAsync("Users?filter=" + Uri.EscapeDataString("""displayName co "Person" """));
        await held.Entered.WaitAsync(TimeSpan.FromMinutes(2));
        try
        {
            var refused = await SendAsync(noisy, method, path.Replace("{group}", group, StringComparison.Ordinal), body);

            var error = await refused.AssertScimErrorAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Null(error["scimType"]);
            var detail = error["detail"]!.GetValue<string>();
            Assert.Contains("This organization has too many expensive requests running", detail, StringComparison.Ordinal);
            Assert.Contains("Retry after 3 seconds", detail, StringComparison.Ordinal);
            Assert.Contains("narrow the filter", detail, StringComparison.Ordinal);
            Assert.Contains("smaller batches", detail, StringComparison.Ordinal);
            Assert.Equal("3", Assert.Single(refused.Headers.GetValues("Retry-After")));
            Assert.Equal(1, rejections.ExpensiveWork);

            // Cheap requests of the same organization never wait for its expensive work.
            Assert.Single((await noisy.GetListAsync("Users?filter=" + Uri.EscapeDataString("""userName eq "bulk-0@example.com" """))).Resources());
            Assert.Equal(HttpStatusCode.OK, (await noisy.GetAsync($"Users/{noisyUsers[0]}")).StatusCode);
            await noisy.PatchGroupOkAsync(group, PatchOfValues(2));

            // Another organization's expensive work has permits of its own.
            Assert.Equal(3, (await quiet.GetListAsync("Users?filter=" + Uri.EscapeDataString("""displayName co "Person" """))).TotalResults());
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(quiet, "POST", "Users/.search", SearchRequest)).StatusCode);
        }
        finally
        {
            held.Release();
        }

        Assert.Equal(3, (await (await holder).ReadScimAsync(HttpStatusCode.OK)).TotalResults());

        // The permit comes back when the held request ends, which can be just after its answer reached the client.
        var again = await SendAsync(noisy, "POST", "Users/.search", SearchRequest);
        for (var tries = 0; again.StatusCode == HttpStatusCode.ServiceUnavailable && tries < 100; tries++)
        {
            await Task.Delay(50);
            again = await SendAsync(noisy, "POST", "Users/.search", SearchRequest);
        }

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task ExpensiveRequests_WithTheLimitsOff_AreNeverRefused()
    {
        var held = new HeldPermit();
        using var factory = new ScimApiFactory
        {
            Settings = new Dictionary<string, string> { ["Scim:RateLimits:ExpensiveConcurrency"] = "1", ["Scim:RateLimits:ExpensiveQueue"] = "0" },
            TestServices = services => services.AddSingleton<IExpensiveWorkWatcher>(held),
        };
        var client = await factory.CreateScimClientAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SendAsync(client, "POST", "Users/.search", SearchRequest)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(0, held.Calls);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, string? body) =>
        body is null ? client.GetAsync(path) : client.SendJsonAsync(new HttpMethod(method), path, body);

    // A PATCH of the group's members with this many values (ids of no user: the gate comes before they are looked at).
    private static string PatchOfValues(int count) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members","value":[{{string.Join(",", Enumerable.Range(0, count).Select(_ => $"{{\"value\":\"{Guid.NewGuid()}\"}}"))}}]}]}""";

    // A user whose body is over 64 KiB.
    private static string LargeUser()
    {
        var text = new StringBuilder();
        text.Append("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"large","emails":[""");
        text.AppendJoin(",", Enumerable.Range(0, 2_000).Select(i => $"{{\"value\":\"person{i}@example.com\",\"type\":\"other\"}}"));
        text.Append("]}");
        return text.ToString();
    }

    /// <summary>Holds the first permit <see cref="Organization"/> is granted until <see cref="Release"/>.</summary>
    private sealed class HeldPermit : IExpensiveWorkWatcher
    {
        private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int holding;
        private int calls;

        public Guid Organization { get; set; }

        public Task Entered => entered.Task;

        public int Calls => Volatile.Read(ref calls);

        public void Release() => released.TrySetResult();

        public async ValueTask EnteredAsync(Guid organization, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            if (organization == Organization && Interlocked.Exchange(ref holding, 1) == 0)
            {
                entered.TrySetResult();
                await released.Task.WaitAsync(cancellationToken);
            }
        }
    }

    /// <summary>Counts <c>scim.server.rate_limit.rejections</c> of one organization by the expensive-work limit.</summary>
    private sealed class RejectionCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private long expensiveWork;

        public RejectionCounter(Guid organization)
        {
            var id = organization.ToString();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Scim.Server" && instrument.Name == "scim.server.rate_limit.rejections")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                var ofOrganization = false;
                var limit = "";
                foreach (var tag in tags)
                {
                    ofOrganization |= tag.Key == "scim.organization" && (string?)tag.Value == id;
                    limit = tag.Key == "scim.rate_limit" ? (string?)tag.Value ?? "" : limit;
                }

                if (ofOrganization && limit == "expensive_work")
                {
                    Interlocked.Add(ref expensiveWork, value);
                }
            });
            listener.Start();
        }

        public long ExpensiveWork => Interlocked.Read(ref expensiveWork);

        public void Dispose() => listener.Dispose();
    }
}
