namespace Scim.Seeder;

/// <summary>A failure the user can act on; printed as one line, without a stack trace.</summary>
internal sealed class SeederException(string message, int exitCode = 1) : Exception(message)
{
    /// <summary>The process exit code (1 failure, 2 usage error).</summary>
    public int ExitCode { get; } = exitCode;
}
