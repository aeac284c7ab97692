namespace Scim.Cluster.Tests.Infrastructure;

/// <summary>What a command printed and how it ended.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    /// <summary>All of it, for assertion messages.</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
