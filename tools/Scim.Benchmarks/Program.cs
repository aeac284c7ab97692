using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Scim.Benchmarks;

/// <summary>
/// Runs the benchmarks BenchmarkDotNet's command line selects: <c>--filter '*'</c> for all, <c>--filter '*Patch*'</c>
/// for one area, <c>--job short</c> for a quick run, <c>--job dry</c> to check that each one runs, <c>--list flat</c>
/// for the names. Benchmark classes are public and not sealed: BenchmarkDotNet generates a class deriving from each.
/// </summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        // Reports go beside the build output (ignored by git) rather than into the folder the command runs in, which is
        // usually the repository root; --artifacts <dir> still chooses another place.
        var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
