namespace Scim.Application.Common;

/// <summary>
/// How many lines about client input one request may still write (a bulk request runs up to a thousand operations, each
/// of which could otherwise log its own ignored attributes). The HTTP pipeline sets one per request
/// (<see cref="Current"/>, flowing with the request's async calls); outside a request there is no limit.
/// </summary>
public sealed class LogBudget
{
    /// <summary>Lines about client input one request may write; the rest are counted in <see cref="Suppressed"/>.</summary>
    public const int LinesPerRequest = 10;

    private static readonly AsyncLocal<LogBudget?> current = new();
    private int taken;

    /// <summary>The budget of the request this code runs for, or null outside a request.</summary>
    public static LogBudget? Current
    {
        get => current.Value;
        set => current.Value = value;
    }

    /// <summary>Lines the request wanted to write after its budget was spent.</summary>
    public int Suppressed => Math.Max(0, Volatile.Read(ref taken) - LinesPerRequest);

    /// <summary>True when the current request (if any) may write one more line about client input; counts the line either way.</summary>
    public static bool TryTake() => current.Value is not { } budget || Interlocked.Increment(ref budget.taken) <= LinesPerRequest;
}
