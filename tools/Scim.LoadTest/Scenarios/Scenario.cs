namespace Scim.LoadTest.Scenarios;

/// <summary>A named workload: prepares what it needs once, then gives each worker task its own <see cref="ScenarioWorker"/>.</summary>
internal abstract class Scenario
{
    public abstract string Name { get; }

    /// <summary>Discovers (or creates) the users and groups the workers need; throws <see cref="ScenarioUnavailableException"/> when the server lacks a feature.</summary>
    public abstract Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken);

    public abstract ScenarioWorker CreateWorker(ScenarioContext context, int index);
}

/// <summary>
/// One worker's state. Every <see cref="StepAsync"/> sends exactly one request (so multi-request flows such as an
/// Entra cycle are state machines), and <see cref="Next"/> says which operation that request is before it is sent.
/// Failures are thrown (<c>ScimException</c>, <c>HttpRequestException</c>, <see cref="CheckFailedException"/>).
/// </summary>
internal abstract class ScenarioWorker(int index)
{
    private readonly Random random = new(HashCode.Combine(index, Environment.TickCount));

    public int Index { get; } = index;

    public abstract Operation Next { get; }

    public abstract Task StepAsync(CancellationToken cancellationToken);

    protected int NextRandom(int maxExclusive) => random.Next(maxExclusive);
}

/// <summary>The scenario names of the command line.</summary>
internal static class ScenarioCatalog
{
    public const string EntraCycle = "entra-cycle";
    public const string FilterEq = "filter-eq";
    public const string GetById = "get-by-id";
    public const string PatchReplace = "patch-replace";
    public const string ListPage = "list-page";
    public const string CursorWalk = "cursor-walk";
    public const string GroupAddMembers = "group-add-members";
    public const string Mixed = "mixed";

    public static readonly IReadOnlyList<string> Names = [EntraCycle, FilterEq, GetById, PatchReplace, ListPage, CursorWalk, GroupAddMembers, Mixed];

    public static Scenario Create(string name, LoadTestOptions options) => name switch
    {
        EntraCycle => new EntraCycleScenario(),
        FilterEq => new FilterEqScenario(),
        GetById => new GetByIdScenario(),
        PatchReplace => new PatchReplaceScenario(),
        ListPage => new ListPageScenario(),
        CursorWalk => new CursorWalkScenario(),
        GroupAddMembers => new GroupAddMembersScenario(),
        Mixed => new MixedScenario(options.Mix.Where(w => w.Value > 0).Select(w => (Create(w.Key, options), w.Value)).ToList()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown scenario."),
    };
}
