using System.Reflection;

namespace Scim.Testing.Processes;

/// <summary>
/// Where the programs the tests start live: the build output of src/Scim.Api (and of other programs a test assembly
/// names in an <c>AssemblyMetadata</c> item), in the configuration the tests were built in (the project references build
/// them first), and the dotnet host that runs them.
/// </summary>
public static class BuildOutput
{
    /// <summary>src/Scim.Api's <c>Scim.Api.dll</c>: the server, and the admin commands.</summary>
    public static string ScimApi { get; } = Find(typeof(BuildOutput).Assembly, "ScimApiAssembly");

    /// <summary>The dotnet host running the tests (the SDK sets <c>DOTNET_HOST_PATH</c>), else <c>dotnet</c> from the PATH.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>The program whose path <paramref name="assembly"/> carries as the <c>AssemblyMetadata</c> <paramref name="key"/>.</summary>
    /// <exception cref="FileNotFoundException">It has not been built.</exception>
    public static string Find(Assembly assembly, string key)
    {
        var path = Path.GetFullPath(assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the solution in the tests' configuration first.", path);
    }
}
