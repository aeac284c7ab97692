using System.Globalization;
using Scim.Client;

namespace Scim.LoadTest.Scenarios;

/// <summary>
/// Entra's member batches: <c>PATCH /Groups/{id}</c> with one <c>add</c> of <see cref="LoadTestOptions.BatchSize"/>
/// members (100, as Entra sends them). Worker <c>w</c> adds to group <c>w mod G</c>; each group walks through the user
/// sample in order, so a group gets every sampled user once before batches repeat members it already has (which the
/// server accepts and leaves as they are).
/// </summary>
internal sealed class GroupAddMembersScenario : Scenario
{
    private int[] offsets = [];

    public override string Name => ScenarioCatalog.GroupAddMembers;

    public override async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        await context.EnsureUsersAsync(context.Options.SampleSize, cancellationToken);
        await context.EnsureGroupsAsync(cancellationToken);
        offsets = new int[context.GroupIds.Count];
        context.Note("groups: batches", string.Create(CultureInfo.InvariantCulture,
            $"Member batches of {Math.Min(context.Options.BatchSize, context.Users.Count)} from the {context.Users.Count:N0} sampled users; repeats start after {(long)context.Users.Count * context.GroupIds.Count / Math.Max(1, context.Options.BatchSize):N0} batches."));
    }

    public override ScenarioWorker CreateWorker(ScenarioContext context, int index) => new Worker(this, context, index);

    private sealed class Worker(GroupAddMembersScenario scenario, ScenarioContext context, int index) : ScenarioWorker(index)
    {
        public override Operation Next => Operation.AddMembers;

        public override Task StepAsync(CancellationToken cancellationToken)
        {
            var group = Index % context.GroupIds.Count;
            var users = context.Users;
            var batch = Math.Min(context.Options.BatchSize, users.Count);
            var offset = (int)((uint)(Interlocked.Add(ref scenario.offsets[group], batch) - batch) % (uint)users.Count);
            var members = new string[batch];
            for (var i = 0; i < batch; i++)
            {
                members[i] = users[(offset + i) % users.Count].Id;
            }

            return context.Client.PatchGroupAsync(context.GroupIds[group], PatchOperations.Request(PatchOperations.AddMembers(members)), cancellationToken: cancellationToken);
        }
    }
}
