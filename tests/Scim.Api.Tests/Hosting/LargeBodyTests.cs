using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Scim.Api.Http;
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

    [Fact]
    public async Task WhileTheSlotsAreTaken_ALargeBody_Is503WithRetryAfter_ASmallOneIsServed()
    {
        using var factory = new ScimApiFactory { Settings = OneSlot };
        var address = KestrelScimServer.Start(factory);
        var (_, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var bodies = factory.Services.GetRequiredService<LargeRequestBodies>();
        using var slow = new SlowUserContent();
        using var holder = KestrelScimServer.Client(address, token);
        var held = holder.PostAsync("Users", slow);

        // The probe goes only once the held upload has the slot: sent at once, it raced the held one for it, and when it
        // won (QueueTimeout 0) the held upload was the one refused and every later probe found the slot free.
        await WaitUntilReadingAsync(bodies, held);
        using var client = KestrelScimServer.Client(address, token);
        using var refused = await client.PostAsync("Users", LargeUser("probe"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/scim+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        var error = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("503", error["status"]!.GetValue<string>());
        using var small = new StringContent(new JsonObject { ["userName"] = "small" }.ToJsonString(), Encoding.UTF8, "application/scim+json");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("Users", small)).StatusCode);
        Assert.Equal(1, bodies.Reading);

        slow.Finish();
        Assert.Equal(HttpStatusCode.Created, (await held).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("Users", LargeUser("after"))).StatusCode);
    }

    // Until the held upload is being read (it has taken the slot); fails if it was answered instead.
    private static async Task WaitUntilReadingAsync(LargeRequestBodies bodies, Task<HttpResponseMessage> held)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (bodies.Reading == 0)
        {
            Assert.False(held.IsCompleted, $"The held upload was answered before it took the slot: {(held.IsCompletedSuccessfully ? held.Result.StatusCode : held.Exception)}");
            await Task.Delay(10, timeout.Token);
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
