using System.Reflection;

namespace Scim.Cluster.Tests.Infrastructure;

/// <summary>
/// Where the programs the tests start live: the build output of src/Scim.Api and of tools/Scim.EntraCycle, in the
/// configuration the tests were built in (the project references build them first), and the dotnet host that runs them.
/// </summary>
internal static class BuildOutput
{
    /// <summary>src/Scim.Api's <c>Scim.Api.dll</c>: the server, and the admin commands.</summary>
    public static string ScimApi { get; } = Find("ScimApiAssembly");

    /// <summary>tools/Scim.EntraCycle's <c>Scim.EntraCycle.dll</c>.</summary>
    public static string EntraCycle { get; } = Find("EntraCycleAssembly");

    /// <summary>The dotnet host running the tests (the SDK sets <c>DOTNET_HOST_PATH</c>), else <c>dotnet</c> from the PATH.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Find(string key)
    {
        var path = Path.GetFullPath(typeof(BuildOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the solution in the tests' configuration first.", path);
    }
}
