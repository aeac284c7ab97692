namespace Scim.LoadTest.Scenarios;

/// <summary>
/// Each step picks one of the weighted scenarios (<c>--mix</c>, default <see cref="MixWeights.Default"/>) and runs one
/// step of it; every worker keeps one worker of each, so an Entra cycle goes on where it left off.
/// </summary>
internal sealed class MixedScenario(IReadOnlyList<(Scenario Scenario, int Weight)> parts) : Scenario
{
    public override string Name => ScenarioCatalog.Mixed;

    public override async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        foreach (var (scenario, _) in parts)
        {
            await scenario.PrepareAsync(context, cancellationToken);
        }
    }

    public override ScenarioWorker CreateWorker(ScenarioContext context, int index) =>
        new Worker(parts.Select(p => (p.Scenario.CreateWorker(context, index), p.Weight)).ToList(), index);

    private sealed class Worker(List<(ScenarioWorker Worker, int Weight)> parts, int index) : ScenarioWorker(index)
    {
        private readonly int total = parts.Sum(p => p.Weight);
        private ScenarioWorker? current;

        public override Operation Next => Pick().Next;

        public override async Task StepAsync(CancellationToken cancellationToken)
        {
            var worker = Pick();
            current = null;
            await worker.StepAsync(cancellationToken);
        }

        private ScenarioWorker Pick()
        {
            if (current is null)
            {
                var ticket = NextRandom(total);
                foreach (var (worker, weight) in parts)
                {
                    if ((ticket -= weight) < 0)
                    {
                        current = worker;
                        break;
                    }
                }
            }

            return current!;
        }
    }
}
