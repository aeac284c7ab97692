using Mapster;

namespace Scim.Application.Common.Resources;

/// <summary>The one Mapster configuration of the application, built from every <see cref="IRegister"/> in it.</summary>
public static class ScimMappings
{
    /// <summary>The compiled configuration (shared, thread-safe once compiled).</summary>
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig();
        config.Default.IgnoreNullValues(false);
        config.Scan(typeof(ScimMappings).Assembly);
        config.Compile();
        return config;
    }
}
