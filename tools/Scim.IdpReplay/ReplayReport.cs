namespace Scim.IdpReplay;

/// <summary>One check that did not hold.</summary>
/// <param name="Step">The cycle step, e.g. <c>create-users</c>.</param>
/// <param name="Request">Method and relative path, e.g. <c>GET Users/42</c>.</param>
/// <param name="Expected">What the check wanted.</param>
/// <param name="Actual">What was found.</param>
/// <param name="ActualStatus">The response's HTTP status.</param>
/// <param name="BodyExcerpt">The start of the response body.</param>
public sealed record ReplayFailure(string Step, string Request, string Expected, string Actual, int ActualStatus, string BodyExcerpt)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"[{Step}] {Request}: expected {Expected}; got {Actual} (HTTP {ActualStatus}) {BodyExcerpt}";
}

/// <summary>The outcome of one replayed provisioning cycle.</summary>
public sealed class ReplayReport
{
    private readonly List<ReplayFailure> _failures = [];

    /// <summary>The provider whose cycle was replayed.</summary>
    public required IdentityProvider IdentityProvider { get; init; }

    /// <summary>The run id used in every name of this cycle.</summary>
    public required string RunId { get; init; }

    /// <summary>Number of HTTP requests sent.</summary>
    public int RequestCount { get; internal set; }

    /// <summary>Every check that did not hold, in order.</summary>
    public IReadOnlyList<ReplayFailure> Failures => _failures;

    /// <summary>True when every check held.</summary>
    public bool Succeeded => _failures.Count == 0;

    internal void Add(ReplayFailure failure) => _failures.Add(failure);
}

/// <summary>Ends a cycle at its first wrong answer (see <see cref="ReplayOptions.KeepGoing"/>).</summary>
internal sealed class ReplayStoppedException : Exception;
