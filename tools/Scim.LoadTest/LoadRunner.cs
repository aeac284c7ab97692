using System.Collections.Concurrent;
using System.Diagnostics;
using Scim.Client;
using Scim.LoadTest.Scenarios;

namespace Scim.LoadTest;

/// <summary>The measured phase: every sample, how long the phase took, the warm-up that preceded it, and the CPU seconds the server used in the phase (with <c>--server-pid</c>).</summary>
internal sealed record RunResult(List<Sample> Samples, double ElapsedSeconds, DateTimeOffset StartedAt, long WarmupRequests, IReadOnlyDictionary<string, string> ErrorExamples, double? ServerCpuSeconds = null);

/// <summary>
/// Runs <see cref="LoadTestOptions.Concurrency"/> worker tasks, each sending one request at a time through its
/// <see cref="ScenarioWorker"/> until the phase's bound is reached: first the warm-up (not recorded), then the
/// measured phase. Every request is timed with Stopwatch timestamps into the worker's own recorder; the recorders are
/// merged at the end. A phase bounded by time lets the requests in flight at its end finish (they are counted).
/// </summary>
internal sealed class LoadRunner(LoadTestOptions options)
{
    private readonly ConcurrentDictionary<string, string> errorExamples = new(StringComparer.Ordinal);

    public async Task<RunResult> RunAsync(IReadOnlyList<ScenarioWorker> workers, CancellationToken cancellationToken)
    {
        long warmupRequests = 0;
        if (options.Warmup is { } warmup)
        {
            var (warm, _) = await RunPhaseAsync(workers, warmup, cancellationToken);
            warmupRequests = warm.Sum(r => r.Samples.Count);
        }

        // Errors seen during the warm-up are not part of the results.
        errorExamples.Clear();
        var startedAt = DateTimeOffset.UtcNow;
        var cpuBefore = ServerCpu();
        var (recorders, elapsed) = await RunPhaseAsync(workers, options.Bound, cancellationToken);
        var cpuAfter = ServerCpu();
        return new RunResult(LatencyRecorder.Merge(recorders), elapsed, startedAt, warmupRequests,
            new SortedDictionary<string, string>(errorExamples, StringComparer.Ordinal), cpuAfter - cpuBefore);
    }

    // The pid was checked when the options were read; a server that exits during the run leaves the figure out.
    private double? ServerCpu() => options.ServerPid is { } pid ? ProcessCpu.TryRead(pid, out _) : null;

    private async Task<(LatencyRecorder[] Recorders, double ElapsedSeconds)> RunPhaseAsync(
        IReadOnlyList<ScenarioWorker> workers, RunBound bound, CancellationToken cancellationToken)
    {
        var phase = new Phase(bound);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (bound.Duration is { } duration)
        {
            // A safety net only: requests in flight at the deadline normally finish well within their timeout.
            stop.CancelAfter(duration + options.RequestTimeout + TimeSpan.FromSeconds(5));
        }

        var recorders = workers.Select(_ => new LatencyRecorder()).ToArray();
        await Task.WhenAll(workers.Select((worker, i) => Task.Run(() => WorkAsync(worker, recorders[i], phase, stop.Token), CancellationToken.None)));
        return (recorders, Stopwatch.GetElapsedTime(phase.Start).TotalSeconds);
    }

    private async Task WorkAsync(ScenarioWorker worker, LatencyRecorder recorder, Phase phase, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && phase.TryClaim())
        {
            var operation = worker.Next;
            var start = Stopwatch.GetTimestamp();
            short outcome;
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
                errorExamples.TryAdd(Outcomes.Name(outcome), $"{Operations.Describe(operation)}: {e.Message}");
            }

            var end = Stopwatch.GetTimestamp();
            recorder.Record(start - phase.Start, end - start, operation, outcome);
        }
    }

    private static short Classify(Exception e) => e switch
    {
        ScimException scim => (short)scim.Status,
        HttpRequestException => Outcomes.Transport,
        OperationCanceledException => Outcomes.Timeout,
        CheckFailedException => Outcomes.CheckFailed,
        _ => Outcomes.Exception,
    };

    /// <summary>Hands out the requests of one phase until its duration has passed or its request budget is spent.</summary>
    private sealed class Phase(RunBound bound)
    {
        private readonly long deadline = bound.Duration is { } d ? Stopwatch.GetTimestamp() + (long)(d.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        private long claimed;

        public long Start { get; } = Stopwatch.GetTimestamp();

        public bool TryClaim()
        {
            if (Stopwatch.GetTimestamp() >= deadline)
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
