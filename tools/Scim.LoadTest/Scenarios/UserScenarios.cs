using System.Globalization;
using Scim.Client;

namespace Scim.LoadTest.Scenarios;

/// <summary>
/// What Entra does for each new in-scope user: look it up by <c>userName eq</c>, create it when absent, then PATCH
/// replace (path-less, Entra's shape). Each of the three requests is one step. Users are new: <c>lt-RUN-W-N@loadtest.example</c>.
/// </summary>
internal sealed class EntraCycleScenario : Scenario
{
    public override string Name => ScenarioCatalog.EntraCycle;

    public override Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Note("users: new", $"entra-cycle provisions new users (userName lt-{context.Options.RunId}-<worker>-<n>@loadtest.example): lookup, create, PATCH replace.");
        return Task.CompletedTask;
    }

    public override ScenarioWorker CreateWorker(ScenarioContext context, int index) => new Worker(context, index);

    private sealed class Worker(ScenarioContext context, int index) : ScenarioWorker(index)
    {
        private int counter;
        private string? userName;
        private string? id;

        private Operation state = Operation.LookupUser;

        public override Operation Next => state;

        public override async Task StepAsync(CancellationToken cancellationToken)
        {
            try
            {
                switch (state)
                {
                    case Operation.LookupUser:
                        userName = string.Create(CultureInfo.InvariantCulture, $"lt-{context.Options.RunId}-{Index:D3}-{++counter:D7}@loadtest.example");
                        var found = await context.Client.ListUsersAsync(filter: ScenarioContext.UserNameFilter(userName), cancellationToken: cancellationToken);
                        (state, id) = found.TotalResults == 0 ? (Operation.CreateUser, null) : (Operation.PatchUser, found.Resources[0].Id);
                        break;
                    case Operation.CreateUser:
                        id = (await context.Client.CreateUserAsync(ScenarioContext.NewUser(userName!), cancellationToken)).Id;
                        state = Operation.PatchUser;
                        break;
                    default:
                        await context.Client.PatchUserAsync(id!, PatchOperations.Request(PatchOperations.Replace(new Dictionary<string, object?>
                        {
                            ["title"] = "Load tester",
                            ["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"] = "Load testing (updated)",
                        })), cancellationToken: cancellationToken);
                        state = Operation.LookupUser;
                        break;
                }
            }
            catch
            {
                // The next step starts a new user, as Entra would retry this one in a later cycle.
                state = Operation.LookupUser;
                throw;
            }
        }
    }
}

/// <summary>Entra's matching lookup, <c>GET /Users?filter=userName eq "..."</c>, of existing users; expects exactly one result.</summary>
internal sealed class FilterEqScenario : Scenario
{
    public override string Name => ScenarioCatalog.FilterEq;

    public override Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken) =>
        context.EnsureUsersAsync(context.Options.SampleSize, cancellationToken);

    public override ScenarioWorker CreateWorker(ScenarioContext context, int index) => new Worker(context, index);

    private sealed class Worker(ScenarioContext context, int index) : ScenarioWorker(index)
    {
        public override Operation Next => Operation.LookupUser;

        public override async Task StepAsync(CancellationToken cancellationToken)
        {
            var user = context.Users[NextRandom(context.Users.Count)];
            var found = await context.Client.ListUsersAsync(filter: ScenarioContext.UserNameFilter(user.UserName), cancellationToken: cancellationToken);
            if (found.TotalResults != 1)
            {
                throw new CheckFailedException(string.Create(CultureInfo.InvariantCulture, $"userName eq \"{user.UserName}\" returned {found.TotalResults} results, expected 1"));
            }
        }
    }
}

/// <summary><c>GET /Users/{id}</c> of existing users.</summary>
internal sealed class GetByIdScenario : Scenario
{
    public override string Name => ScenarioCatalog.GetById;

    public override Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken) =>
        context.EnsureUsersAsync(context.Options.SampleSize, cancellationToken);

    public override ScenarioWorker CreateWorker(ScenarioContext context, int index) => new Worker(context, index);

    private sealed class Worker(ScenarioContext context, int index) : ScenarioWorker(index)
    {
        public override Operation Next => Operation.GetUser;

        public override Task StepAsync(CancellationToken cancellationToken) =>
            context.Client.GetUserAsync(context.Users[NextRandom(context.Users.Count)].Id, cancellationToken: cancellationToken);
    }
}

/// <summary><c>PATCH /Users/{id}</c> with one <c>replace</c> of <c>title</c> (a new value each time) on existing users.</summary>
internal sealed class PatchReplaceScenario : Scenario
{
    public override string Name => ScenarioCatalog.PatchReplace;

    public override Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken) =>
        context.EnsureUsersAsync(context.Options.SampleSize, cancellationToken);

    public override ScenarioWorker CreateWorker(ScenarioContext context, int index) => new Worker(context, index);

    private sealed class Worker(ScenarioContext context, int index) : ScenarioWorker(index)
    {
        private int counter;

        public override Operation Next => Operation.PatchUser;

        public override Task StepAsync(CancellationToken cancellationToken) =>
            context.Client.PatchUserAsync(
                context.Users[NextRandom(context.Users.Count)].Id,
                PatchOperations.Request(PatchOperations.Replace("title", string.Create(CultureInfo.InvariantCulture, $"Load test {context.Options.RunId} {Index}-{++counter}"))),
                cancellationToken: cancellationToken);
    }
}

/// <summary>
/// <c>GET /Users?startIndex=i&amp;count=n</c>: each worker pages forward from a random position and wraps at the end of
/// the directory, so deep offsets are part of the mix on a large directory.
/// </summary>
internal sealed class ListPageScenario : Scenario
{
    public override string Name => ScenarioCatalog.ListPage;

    public override Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken) => context.EnsureTotalAsync(cancellationToken);

    public override ScenarioWorker CreateWorker(ScenarioContext context, int index) => new Worker(context, index);

    private sealed class Worker(ScenarioContext context, int index) : ScenarioWorker(index)
    {
        private long startIndex = -1;

        public override Operation Next => Operation.ListUsersPage;

        public override async Task StepAsync(CancellationToken cancellationToken)
        {
            var total = Math.Max(1, context.TotalUsers);
            var count = context.Options.PageSize;
            if (startIndex < 1 || startIndex > total)
            {
                startIndex = startIndex < 0 ? 1 + NextRandom((int)Math.Min(int.MaxValue, total)) : 1;
            }

            var page = await context.Client.ListUsersAsync(startIndex: (int)startIndex, count: count, cancellationToken: cancellationToken);
            startIndex += count;
            if (page.Resources is not { Count: > 0 })
            {
                startIndex = 1;
            }
        }
    }
}

/// <summary>
/// <c>POST /Users</c> of a new user as Entra creates one (userName, externalId, active, displayName, name, a primary
/// work e-mail, title, and the enterprise department and employeeNumber); expects <c>201</c> with that user. Each
/// request creates a user of its own: <c>lt-RUN-GUID@loadtest.example</c>.
/// </summary>
internal sealed class CreateUserScenario : Scenario
{
    public override string Name => ScenarioCatalog.Create;

    public override Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Note("users: new", $"create posts a new user per request (userName lt-{context.Options.RunId}-<guid>@loadtest.example).");
        return Task.CompletedTask;
    }

    public override ScenarioWorker CreateWorker(ScenarioContext context, int index) => new Worker(context, index);

    private sealed class Worker(ScenarioContext context, int index) : ScenarioWorker(index)
    {
        public override Operation Next => Operation.CreateUser;

        public override async Task StepAsync(CancellationToken cancellationToken)
        {
            // The generated client returns only on 201 and throws a ScimException for any other status.
            var userName = string.Create(CultureInfo.InvariantCulture, $"lt-{context.Options.RunId}-{Guid.NewGuid():N}@loadtest.example");
            var created = await context.Client.CreateUserAsync(ScenarioContext.NewUser(userName, title: "Load tester"), cancellationToken);
            if (string.IsNullOrEmpty(created.Id) || created.UserName != userName)
            {
                throw new CheckFailedException($"POST /Users of {userName} answered 201 with id '{created.Id}' and userName '{created.UserName}'");
            }
        }
    }
}
