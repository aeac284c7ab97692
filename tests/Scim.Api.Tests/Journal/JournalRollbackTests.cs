using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scim.Application.Common.Persistence;
using Scim.Domain.Journal;
using Scim.Protocol;
using Scim.Testing;

namespace Scim.Api.Tests.Journal;

/// <summary>
/// A journal row is part of its change's transaction: when the change is undone, so is the row, also when it was one
/// write of a batch that other writes commit (SQLite's group commit), and the batch's other rows stay.
/// </summary>
public sealed class JournalRollbackTests
{
    [Fact]
    public async Task FailingRequestInACommittedBatch_LeavesNoChangeRow_AndTheOthersOfTheBatchKeepTheirs()
    {
        var queued = new QueuedWrites();
        await using var factory = new ScimApiFactory { TestServices = queued.Observe };
        var (organizationId, token) = await factory.CreateOrganizationAsync($"org-{Guid.NewGuid():N}");
        var client = factory.CreateClientWithToken(token);
        var ada = await client.CreateUserAsync("""{"userName":"ada@example.com"}""");
        var writer = factory.Services.GetRequiredService<IResourceWriter>();

        // The first write holds the writer until released, so on SQLite the writes queued meanwhile form one batch.
        var release = new TaskCompletionSource();
        var holding = writer.WriteAsync<bool>(organizationId, 1, async (_, _) =>
        {
            await release.Task;
            return true;
        }, CancellationToken.None);
        var waiting = queued.Count;
        var created = client.PostJsonAsync("Users", """{"userName":"dan@example.com"}""");
        var taken = client.PostJsonAsync("Users", """{"userName":"ADA@example.com"}""");
        var patched = client.PatchJsonAsync($"Users/{ada}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Lead"}]}
            """);
        var grouped = client.PostJsonAsync("Groups", $$"""{"displayName":"Team","members":[{"value":"{{ada}}"}]}""");
        // Writes that append their row and then fail, by their result or by an exception: the row goes with them.
        var refused = writer.WriteAsync<bool>(organizationId, 1, async (session, _) =>
        {
            await session.JournalAsync(Row(organizationId, Guid.Parse(ada), version: 98));
            return ScimError.InvalidValue("refused after appending its row");
        }, CancellationToken.None);
        var thrown = writer.WriteAsync<bool>(organizationId, 1, async (session, _) =>
        {
            await session.JournalAsync(Row(organizationId, Guid.Parse(ada), version: 99));
            throw new InvalidOperationException("failed after appending its row");
        }, CancellationToken.None);
        await queued.WaitForAsync(waiting + 6);
        release.SetResult();

        Assert.True((await holding).IsSuccess);
        await (await created).ReadScimAsync(HttpStatusCode.Created);
        await (await taken).AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        await (await patched).ReadScimAsync(HttpStatusCode.OK);
        await (await grouped).ReadScimAsync(HttpStatusCode.Created);
        Assert.Equal(400, (await refused).Error?.Status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => thrown);

        var rows = await factory.ReadChangesAsync(organizationId);
        // The batch runs the writes in the order they arrived, which the concurrent requests leave open.
        Assert.Equal(["CreateGroup", "CreateUser", "CreateUser", "PatchUser"], rows.Select(r => r.Slice).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(rows, r => r.Version is 98 or 99);
        var failure = Assert.Single(await factory.ReadFailuresAsync(organizationId, 1));
        Assert.Equal((409, "uniqueness", "CreateUser"), (failure.Status, failure.ScimType, failure.Slice));
    }

    private static JournalEntry Row(Guid organizationId, Guid userId, long version) => new()
    {
        OrganizationId = organizationId,
        TimeUtc = DateTime.UtcNow,
        Operation = JournalOperation.Patch,
        Slice = "PatchUser",
        ResourceType = JournalResourceType.User,
        ResourceId = userId,
        Version = version,
        Attributes = "title",
    };

    /// <summary>Counts the writes handed to the server's writer, so a test knows they are queued before it lets them run.</summary>
    private sealed class QueuedWrites
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Observe(IServiceCollection services)
        {
            var writer = services.Last(d => d.ServiceType == typeof(IResourceWriter));
            services.Remove(writer);
            services.AddSingleton<IResourceWriter>(sp => new Counting((IResourceWriter)writer.ImplementationFactory!(sp), this));
        }

        public async Task WaitForAsync(int writes)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Count < writes)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{writes - Count} writes never reached the writer");
                await Task.Delay(10);
            }
        }

        private sealed class Counting(IResourceWriter inner, QueuedWrites queued) : IResourceWriter, IAsyncDisposable
        {
            public Task<Result<T>> WriteAsync<T>(
                Guid organizationId, int rows, Func<IWriteSession, CancellationToken, ValueTask<Result<T>>> write, CancellationToken cancellationToken)
            {
                // Counted once handed over: the SQLite writer queues a write before its call returns.
                var written = inner.WriteAsync(organizationId, rows, write, cancellationToken);
                Interlocked.Increment(ref queued.count);
                return written;
            }

            public ValueTask DisposeAsync() => inner is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
        }
    }
}
