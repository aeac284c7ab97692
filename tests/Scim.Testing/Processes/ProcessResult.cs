namespace Scim.Testing.Processes;

/// <summary>What a command printed and how it ended.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    /// <summary>What it printed, when it succeeded (exit code 0).</summary>
    /// <exception cref="InvalidOperationException">It failed; the message has all it printed.</exception>
    public string EnsureSuccess() => ExitCode == 0 ? Output : throw new InvalidOperationException($"The command failed: {this}");

    /// <summary>All of it, for assertion messages.</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
