using System.Collections.Concurrent;
using System.Diagnostics;
using Scim.Client;
using Scim.LoadTest.Scenarios;

namespace Scim.LoadTest;

/// <summary>
/// The measured phase: every sample, how long the phase took, the warm-up that preceded it, and the CPU seconds the
/// server used in the phase (with <c>--server-pid</c>). A scenario measured in several phases (see
/// <see cref="Scenario.Phases"/>) has them in <see cref="Phases"/>, and the top-level figures cover them all: their
/// samples one after the other (starts counted from the first phase's start), their lengths and CPU seconds added up.
/// </summary>
internal sealed record RunResult(List<Sample> Samples, double ElapsedSeconds, DateTimeOffset StartedAt, long WarmupRequests, IReadOnlyDictionary<string, string> ErrorExamples, double? ServerCpuSeconds = null)
{
    /// <summary>The phases of a scenario measured in more than one; empty otherwise.</summary>
    public IReadOnlyList<PhaseResult> Phases { get; init; } = [];
}

/// <summary>
/// One phase of a scenario measured in several: its workers' samples (starts counted from its own start), and the
/// samples of the background load that ran beside them, if any.
/// </summary>
/// <param name="Phase">What the scenario asked for.</param>
/// <param name="StartOffsetSeconds">When the phase started, in seconds since the first phase started.</param>
/// <param name="Samples">The measured requests, their starts counted from the phase's start.</param>
/// <param name="ElapsedSeconds">From the phase's start until its last measured request finished.</param>
/// <param name="ServerCpuSeconds">The server's CPU over the same time (with <c>--server-pid</c>).</param>
/// <param name="BackgroundSamples">The background load's requests, empty without one.</param>
/// <param name="BackgroundErrorExamples">The first message of each kind of background failure.</param>
internal sealed record PhaseResult(
    MeasuredPhase Phase,
    double StartOffsetSeconds,
    List<Sample> Samples,
    double ElapsedSeconds,
    double? ServerCpuSeconds,
    List<Sample> BackgroundSamples,
    IReadOnlyDictionary<string, string> BackgroundErrorExamples);

/// <summary>
/// Runs <see cref="LoadTestOptions.Concurrency"/> worker tasks, each sending one request at a time through its
/// <see cref="ScenarioWorker"/> until the phase's bound is reached: first the warm-up (not recorded), then the
/// measured phase, or each of the scenario's <see cref="MeasuredPhase"/>s in turn, every one with the same bound. Every
/// request is timed with Stopwatch timestamps into the worker's own recorder; the recorders are merged at the end. A
/// phase bounded by time lets the requests in flight at its end finish (they are counted). A phase's background
/// load runs from the phase's start until its workers are done, then finishes the request it has in flight, so
/// that no background request overlaps the next phase.
/// </summary>
internal sealed class LoadRunner(LoadTestOptions options)
{
    private readonly ConcurrentDictionary<string, string> errorExamples = new(StringComparer.Ordinal);

    public async Task<RunResult> RunAsync(IReadOnlyList<ScenarioWorker> workers, CancellationToken cancellationToken) =>
        await RunAsync(workers, [], cancellationToken);

    /// <summary>Warm-up, then the measured phases (none given = one phase, the classic run).</summary>
    public async Task<RunResult> RunAsync(IReadOnlyList<ScenarioWorker> workers, IReadOnlyList<MeasuredPhase> phases, CancellationToken cancellationToken)
    {
        long warmupRequests = 0;
        if (options.Warmup is { } warmup)
        {
            var warm = await RunPhaseAsync(workers, warmup, background: null, cancellationToken);
            warmupRequests = warm.Recorders.Sum(r => r.Samples.Count);
        }

        // Errors seen during the warm-up are not part of the results.
        errorExamples.Clear();
        var startedAt = DateTimeOffset.UtcNow;
        if (phases.Count == 0)
        {
            var cpuBefore = ServerCpu();
            var run = await RunPhaseAsync(workers, options.Bound, background: null, cancellationToken);
            return new RunResult(LatencyRecorder.Merge(run.Recorders), run.ElapsedSeconds, startedAt, warmupRequests, Examples(errorExamples), run.ServerCpuSeconds - cpuBefore);
        }

        var results = new List<PhaseResult>(phases.Count);
        long? firstStart = null;
        foreach (var phase in phases)
        {
            var cpuBefore = ServerCpu();
            var run = await RunPhaseAsync(workers, options.Bound, phase.Background, cancellationToken);
            firstStart ??= run.Start;
            results.Add(new PhaseResult(phase, (run.Start - firstStart.Value) / (double)Stopwatch.Frequency, LatencyRecorder.Merge(run.Recorders),
                run.ElapsedSeconds, run.ServerCpuSeconds - cpuBefore, run.Background ?? [], Examples(run.BackgroundErrors)));
        }

        var all = results.SelectMany(r => LatencyRecorder.Shift(r.Samples, (long)(r.StartOffsetSeconds * Stopwatch.Frequency))).ToList();
        var cpu = results.Any(r => r.ServerCpuSeconds is null) ? null : results.Sum(r => r.ServerCpuSeconds);
        return new RunResult(all, results.Sum(r => r.ElapsedSeconds), startedAt, warmupRequests, Examples(errorExamples), cpu) { Phases = results };
    }

    private static SortedDictionary<string, string> Examples(IDictionary<string, string> examples) => new(examples, StringComparer.Ordinal);

    // The pid was checked when the options were read; a server that exits during the run leaves the figure out.
    private double? ServerCpu() => options.ServerPid is { } pid ? ProcessCpu.TryRead(pid, out _) : null;

    private async Task<PhaseRun> RunPhaseAsync(IReadOnlyList<ScenarioWorker> workers, RunBound bound, IReadOnlyList<ScenarioWorker>? background, CancellationToken cancellationToken)
    {
        var phase = new Phase(bound);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (bound.Duration is { } duration)
        {
            // A safety net only: requests in flight at the deadline normally finish well within their timeout.
            stop.CancelAfter(duration + options.RequestTimeout + TimeSpan.FromSeconds(5));
        }

        var backgroundRecorders = (background ?? []).Select(_ => new LatencyRecorder()).ToArray();
        var backgroundErrors = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var workersDone = false;
        var backgroundTask = Task.WhenAll((background ?? []).Select((worker, i) => Task.Run(
            () => WorkAsync(worker, backgroundRecorders[i], phase.Start, () => !Volatile.Read(ref workersDone), backgroundErrors, interval: null, TimeSpan.Zero, long.MaxValue, stop.Token), CancellationToken.None)));

        var recorders = workers.Select(_ => new LatencyRecorder()).ToArray();
        var interval = options.Rate is { } rate ? TimeSpan.FromSeconds(workers.Count / rate) : (TimeSpan?)null;
        await Task.WhenAll(workers.Select((worker, i) => Task.Run(
            () => WorkAsync(worker, recorders[i], phase.Start, phase.TryClaim, errorExamples, interval, (interval ?? TimeSpan.Zero) * i / workers.Count, phase.Deadline, stop.Token), CancellationToken.None)));
        var elapsed = Stopwatch.GetElapsedTime(phase.Start).TotalSeconds;
        var cpu = ServerCpu();
        Volatile.Write(ref workersDone, true);
        await backgroundTask;
        return new PhaseRun(phase.Start, recorders, elapsed, cpu, background is null ? null : LatencyRecorder.Merge(backgroundRecorders), backgroundErrors);
    }

    // One worker's loop. With an interval, request k starts no earlier than k intervals after the first, which starts
    // after the offset (the workers spread evenly over the first interval). A 429 or 503 with Retry-After holds the
    // worker that long, as an identity provider's client waits, so a load at its limits stays at them instead of
    // turning into a flood of refusals. A worker whose next start falls after the deadline (a Stopwatch timestamp) is done.
    private static async Task WorkAsync(
        ScenarioWorker worker, LatencyRecorder recorder, long phaseStart, Func<bool> claim, ConcurrentDictionary<string, string> examples, TimeSpan? interval,
        TimeSpan offset, long deadline, CancellationToken cancellationToken)
    {
        var next = Stopwatch.GetTimestamp() + (long)(offset.TotalSeconds * Stopwatch.Frequency);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (interval is { } spacing)
            {
                var now = Stopwatch.GetTimestamp();
                if (next >= deadline || (now < next && !await WaitAsync(Stopwatch.GetElapsedTime(now, next), cancellationToken)))
                {
                    return;
                }

                next += (long)(spacing.TotalSeconds * Stopwatch.Frequency);
            }

            if (!claim())
            {
                return;
            }

            var operation = worker.Next;
            var start = Stopwatch.GetTimestamp();
            short outcome;
            TimeSpan? wait = null;
            try
            {
                await worker.StepAsync(cancellationToken);
                outcome = Outcomes.Success;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                outcome = Classify(e);
                examples.TryAdd(Outcomes.Name(outcome), $"{Operations.Describe(operation)}: {e.Message}");
                wait = RetryAfter(e);
            }

            var end = Stopwatch.GetTimestamp();
            recorder.Record(start - phaseStart, end - start, operation, outcome);
            if (wait is { } pause && !await WaitAsync(pause, cancellationToken))
            {
                return;
            }
        }
    }

    // Waits, unless the run is cancelled meanwhile: false then.
    private static async Task<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    // The seconds a 429 or 503 asks the client to wait (RFC 9110 §10.2.3; the server sends delay-seconds), at most a minute.
    private static TimeSpan? RetryAfter(Exception e) =>
        e is ScimException { Status: 429 or 503 } refused
        && refused.Headers.TryGetValue("Retry-After", out var values)
        && int.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Min(seconds, 60))
            : null;

    private static short Classify(Exception e) => e switch
    {
        ScimException scim => (short)scim.Status,
        HttpRequestException => Outcomes.Transport,
        OperationCanceledException => Outcomes.Timeout,
        CheckFailedException => Outcomes.CheckFailed,
        _ => Outcomes.Exception,
    };

    /// <summary>What one phase measured; <see cref="ServerCpuSeconds"/> is the server's CPU total when the workers were done.</summary>
    private sealed record PhaseRun(long Start, LatencyRecorder[] Recorders, double ElapsedSeconds, double? ServerCpuSeconds,
        List<Sample>? Background, IDictionary<string, string> BackgroundErrors);

    /// <summary>Hands out the requests of one phase until its duration has passed or its request budget is spent.</summary>
    private sealed class Phase(RunBound bound)
    {
        private long claimed;

        public long Start { get; } = Stopwatch.GetTimestamp();

        /// <summary>When the phase ends (a Stopwatch timestamp), or <see cref="long.MaxValue"/> for a phase bounded by requests only.</summary>
        public long Deadline { get; } = bound.Duration is { } d ? Stopwatch.GetTimestamp() + (long)(d.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;

        public bool TryClaim()
        {
            if (Stopwatch.GetTimestamp() >= Deadline)
            {
                return false;
            }

            var n = Interlocked.Increment(ref claimed);
            return bound.Requests is not { } limit || n <= limit;
        }
    }
}

/// <summary>A response that came back with a success status but not with what the scenario expected.</summary>
internal sealed class CheckFailedException(string message) : Exception(message);

/// <summary>The scenario cannot run against this server (a missing feature); the message says why.</summary>
internal sealed class ScenarioUnavailableException(string message) : Exception(message);
