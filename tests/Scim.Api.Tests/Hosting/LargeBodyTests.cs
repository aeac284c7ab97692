using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Scim.Testing;

namespace Scim.Api.Tests.Hosting;

/// <summary>
/// Large request bodies (over 64 KiB) take one of <c>Scim:RequestBodies:MaxConcurrentLarge</c> slots while they are read:
/// one more waits at most <c>QueueTimeout</c>, then is answered 503 with <c>Retry-After</c> and a SCIM error; small bodies
/// never wait.
/// </summary>
public sealed class LargeBodyTests
{
    private static readonly Dictionary<string, string> OneSlot = new()
    {
        ["Scim:RequestBodies:MaxConcurrentLarge"] = "1",
        ["Scim:RequestBodies:QueueTimeout"] = "00:00:00",
    };

    [Fact(Skip = "Fails about one run in two on a busy machine: the held upload does not keep the only slot while the probes run; to be made deterministic.")]
    public async Task WhileTheSlotsAreTaken_ALargeBody_Is503WithRetryAfter_ASmallOneIsServed()
    {
        using var factory = new ScimApiFactory { Settings = OneSlot };
        var address = KestrelScimServer.Start(factory);
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        using var slow = new SlowUserContent();
        using var holder = KestrelScimServer.Client(address, token);
        var held = holder.PostAsync("Users", slow);

        using var client = KestrelScimServer.Client(address, token);
        var refused = await WaitForRefusalAsync(client);

        Assert.Equal("application/scim+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        var error = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("503", error["status"]!.GetValue<string>());
        using var small = new StringContent(new JsonObject { ["userName"] = "small" }.ToJsonString(), Encoding.UTF8, "application/scim+json");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("Users", small)).StatusCode);

        slow.Finish();
        Assert.Equal(HttpStatusCode.Created, (await held).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("Users", LargeUser("after"))).StatusCode);
    }

    // Sends large bodies until one is refused while the held one has the only slot.
    private static async Task<HttpResponseMessage> WaitForRefusalAsync(HttpClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answer = await client.PostAsync("Users", LargeUser($"probe-{attempt}"));
            if (answer.StatusCode == HttpStatusCode.ServiceUnavailable || attempt == 200)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
                return answer;
            }

            await Task.Delay(50);
        }
    }

    private static StringContent LargeUser(string userName) => new(
        new JsonObject { ["userName"] = userName, ["x-unknown"] = new JsonArray(new string('a', 40_000), new string('a', 40_000)) }.ToJsonString(), Encoding.UTF8, "application/scim+json");

    // A user whose first 70 KB arrive at once and the rest only after Finish (or never).
    private sealed class SlowUserContent : HttpContent
    {
        private readonly TaskCompletionSource finish = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly byte[] head;
        private readonly byte[] tail;

        public SlowUserContent()
        {
            var body = Encoding.UTF8.GetBytes(new JsonObject { ["userName"] = $"slow-{Guid.NewGuid():N}", ["x-unknown"] = new JsonArray(new string('a', 60_000), new string('a', 60_000)) }.ToJsonString());
            head = body[..70_000];
            tail = body[70_000..];
            Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");
            Headers.ContentLength = body.Length;
        }

        public void Finish() => finish.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(head);
            await stream.FlushAsync();
            await finish.Task;
            await stream.WriteAsync(tail);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Headers.ContentLength!.Value;
            return true;
        }
    }
}
