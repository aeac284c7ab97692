using System.Globalization;
using Scim.Client;

namespace Scim.LoadTest.Scenarios;

/// <summary>
/// Whether one organization's expensive work slows another organization's small requests. The workers send
/// <c>patch-replace</c>'s small writes (<c>PATCH /Users/{id}</c> replacing <c>title</c>) with <c>--token</c> in two
/// phases of the same bound: <c>idle</c>, alone; then <c>loaded</c>, while <c>--noisy-concurrency</c> background tasks
/// (1) with <c>--noisy-token</c> send the <c>--noisy-load</c>: <c>patches</c>, <c>PATCH /Groups/{id}</c> to a group of
/// the other organization, adding <c>--noisy-batch-size</c> members (10,000) and then removing them, over and over; or
/// <c>filters</c>, <c>GET /Users?filter=userName co "…"</c> over the other organization's users, which no index serves.
/// The report has both phases, their p99s and loaded p99 / idle p99.
/// </summary>
internal sealed class FairnessScenario : Scenario, IDisposable
{
    /// <summary>The noisy organization's group the background load fills and empties; found again by later runs.</summary>
    public const string NoisyGroupName = "lt-fairness-noisy";

    public const string IdlePhase = "idle";
    public const string LoadedPhase = "loaded";

    private readonly PatchReplaceScenario smallWrites = new();
    private HttpClient? noisyHttp;
    private ScimClient? noisyClient;
    private string[] noisyMembers = [];
    private string noisyGroupId = "";

    public override string Name => ScenarioCatalog.Fairness;

    public override async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        await smallWrites.PrepareAsync(context, cancellationToken);

        noisyHttp = context.ConnectWithToken(context.Options.NoisyToken!);
        noisyClient = new ScimClient(noisyHttp);
        await CheckSeparateOrganizationAsync(context, noisyClient, cancellationToken);

        var noisy = new ScenarioContext(noisyClient, noisyHttp, context.Options, message => context.Note("noisy organization", $"Noisy organization: {message}"));
        var workers = context.Options.NoisyConcurrency;
        if (context.Options.NoisyLoad == NoisyLoads.Filters)
        {
            await noisy.EnsureUserCountAsync(context.Options.WorkingSetUsers, cancellationToken);
            context.Note("noisy organization", string.Create(CultureInfo.InvariantCulture,
                $"Noisy organization: during the {LoadedPhase} phase {workers} background tasks send GET /Users?filter=userName co \"…\" (a number of two digits) over its users."));
            return;
        }

        var batch = context.Options.NoisyBatchSize;
        await noisy.EnsureUserCountAsync(batch, cancellationToken);
        noisyMembers = [.. noisy.Users.Take(batch).Select(u => u.Id)];
        noisyGroupId = await FindOrCreateGroupAsync(noisyClient, cancellationToken);
        context.Note("noisy organization", string.Create(CultureInfo.InvariantCulture,
            $"Noisy organization: during the {LoadedPhase} phase {workers} background tasks add {batch:N0} members to group {NoisyGroupName} ({noisyGroupId}), then remove them, again and again."));
    }

    public override ScenarioWorker CreateWorker(ScenarioContext context, int index) => smallWrites.CreateWorker(context, index);

    public override IReadOnlyList<MeasuredPhase> Phases(ScenarioContext context)
    {
        var options = context.Options;
        var filters = options.NoisyLoad == NoisyLoads.Filters;
        var background = Enumerable.Range(options.Concurrency, options.NoisyConcurrency)
            .Select(index => filters ? (ScenarioWorker)new ContainsFilterWorker(noisyClient!, index) : new NoisyWorker(noisyClient!, noisyGroupId, noisyMembers, index))
            .ToList();
        var load = filters
            ? string.Create(CultureInfo.InvariantCulture, $"sends 'userName co' filters, {options.NoisyConcurrency} at once")
            : string.Create(CultureInfo.InvariantCulture, $"adds and removes {noisyMembers.Length:N0} group members per PATCH, {options.NoisyConcurrency} at once");
        return
        [
            new(IdlePhase, "the small writes alone"),
            new(LoadedPhase, $"the small writes while another organization {load}", background),
        ];
    }

    public void Dispose() => noisyHttp?.Dispose();

    /// <summary>
    /// The comparison means nothing when both keys belong to one organization (its own writes would queue behind each
    /// other), so the noisy key must not see a user of the measured organization.
    /// </summary>
    private static async Task CheckSeparateOrganizationAsync(ScenarioContext context, ScimClient noisyClient, CancellationToken cancellationToken)
    {
        var measuredUser = context.Users[0].Id;
        try
        {
            await noisyClient.GetUserAsync(measuredUser, attributes: "id", cancellationToken: cancellationToken);
        }
        catch (ScimException e) when (e.Status == 404)
        {
            return;
        }
        catch (ScimException e) when (e.Status is 401 or 403)
        {
            throw new ScenarioUnavailableException(string.Create(CultureInfo.InvariantCulture,
                $"the server rejected --noisy-token (HTTP {e.Status}): give a key with the scim scope of another organization"));
        }

        throw new ScenarioUnavailableException($"--noisy-token belongs to the same organization as --token (it can read user {measuredUser}): give a key of another organization");
    }

    private static async Task<string> FindOrCreateGroupAsync(ScimClient client, CancellationToken cancellationToken)
    {
        var found = await client.ListGroupsAsync(filter: $"displayName eq \"{NoisyGroupName}\"", excludedAttributes: "members", cancellationToken: cancellationToken);
        if (found.Resources is { Count: > 0 } groups)
        {
            return groups[0].Id!;
        }

        var group = await client.CreateGroupAsync(new Group { Schemas = [ScimSchemas.Group], DisplayName = NoisyGroupName }, cancellationToken);
        return group.Id!;
    }

    /// <summary>
    /// Lists users whose userName contains a number of two digits: a substring no index serves, so every request reads
    /// each of the organization's users, for its page and for <c>totalResults</c>.
    /// </summary>
    private sealed class ContainsFilterWorker(ScimClient client, int index) : ScenarioWorker(index)
    {
        public override Operation Next => Operation.SearchUsersContains;

        public override Task StepAsync(CancellationToken cancellationToken) =>
            client.ListUsersAsync(filter: string.Create(CultureInfo.InvariantCulture, $"userName co \"{NextRandom(100):00}\""), count: 10, attributes: "id",
                cancellationToken: cancellationToken);
    }

    /// <summary>Adds every member in one PATCH, then removes them all in one, as Entra sends both (a value list per op).</summary>
    private sealed class NoisyWorker(ScimClient client, string groupId, string[] members, int index) : ScenarioWorker(index)
    {
        private readonly PatchOp add = PatchOperations.Request(PatchOperations.AddMembers(members));
        private readonly PatchOp remove = PatchOperations.Request(new PatchOperation
        {
            Op = "remove",
            Path = "members",
            Value = members.Select(id => new Member { Value = id }).ToList(),
        });

        private Operation next = Operation.AddMembers;

        public override Operation Next => next;

        public override async Task StepAsync(CancellationToken cancellationToken)
        {
            var body = next == Operation.AddMembers ? add : remove;

            // Alternate even after a failure: adding members a group has, or removing ones it lacks, changes nothing.
            next = next == Operation.AddMembers ? Operation.RemoveMembers : Operation.AddMembers;
            await client.PatchGroupAsync(groupId, body, cancellationToken: cancellationToken);
        }
    }
}
