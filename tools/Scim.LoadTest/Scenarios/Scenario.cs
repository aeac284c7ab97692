namespace Scim.LoadTest.Scenarios;

/// <summary>A named workload: prepares what it needs once, then gives each worker task its own <see cref="ScenarioWorker"/>.</summary>
internal abstract class Scenario
{
    public abstract string Name { get; }

    /// <summary>Discovers (or creates) the users and groups the workers need; throws <see cref="ScenarioUnavailableException"/> when the server lacks a feature.</summary>
    public abstract Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken);

    public abstract ScenarioWorker CreateWorker(ScenarioContext context, int index);

    /// <summary>
    /// The phases the run is measured in, one after the other with the same bound, each reported on its own; empty (the
    /// default) = one measured phase. Called after <see cref="PrepareAsync"/>.
    /// </summary>
    public virtual IReadOnlyList<MeasuredPhase> Phases(ScenarioContext context) => [];
}

/// <summary>
/// One measured phase of a scenario that compares conditions (see <see cref="Scenario.Phases"/>): the same workers, and
/// optionally a <paramref name="Background"/> load, workers that each send one request at a time beside them for the
/// whole phase, recorded apart from the measured requests.
/// </summary>
/// <param name="Name">Short name for tables and the JSON report (<c>idle</c>, <c>loaded</c>).</param>
/// <param name="Description">What is going on during the phase, in a sentence.</param>
/// <param name="Background">The extra load's workers, or null.</param>
internal sealed record MeasuredPhase(string Name, string Description, IReadOnlyList<ScenarioWorker>? Background = null);

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
    public const string Create = "create";
    public const string Fairness = "fairness";
    public const string Mixed = "mixed";

    public static readonly IReadOnlyList<string> Names = [EntraCycle, FilterEq, GetById, PatchReplace, ListPage, CursorWalk, GroupAddMembers, Create, Fairness, Mixed];

    /// <summary>
    /// The scenarios <c>mixed</c> can draw from: every one whose steps are requests of one organization. <c>fairness</c>
    /// is measured in phases with a second organization's load, which a step of a mix cannot be.
    /// </summary>
    public static readonly IReadOnlyList<string> Mixable = [.. Names.Where(n => n is not (Mixed or Fairness))];

    public static Scenario For(string name, LoadTestOptions options) => name switch
    {
        EntraCycle => new EntraCycleScenario(),
        FilterEq => new FilterEqScenario(),
        GetById => new GetByIdScenario(),
        PatchReplace => new PatchReplaceScenario(),
        ListPage => new ListPageScenario(),
        CursorWalk => new CursorWalkScenario(),
        GroupAddMembers => new GroupAddMembersScenario(),
        Create => new CreateUserScenario(),
        Fairness => new FairnessScenario(),
        Mixed => new MixedScenario(options.Mix.Where(w => w.Value > 0).Select(w => (For(w.Key, options), w.Value)).ToList()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown scenario."),
    };
}
