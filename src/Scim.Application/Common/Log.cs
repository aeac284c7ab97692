using Microsoft.Extensions.Logging;

namespace Scim.Application.Common;

/// <summary>Log messages shared by the slices.</summary>
internal static partial class Log
{
    /// <summary>
    /// Attributes that no published schema defines are ignored rather than rejected (a 400 would quarantine an
    /// Entra provisioning job); the names are logged so an operator can see what a client is sending.
    /// </summary>
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{ResourceType} request: ignored attributes not in any published schema: {Attributes}")]
    public static partial void IgnoredAttributes(ILogger logger, string resourceType, string attributes);

    /// <summary>Logs <paramref name="attributes"/> when there are any.</summary>
    public static void IgnoredAttributes(ILogger logger, string resourceType, IReadOnlyList<string> attributes)
    {
        if (attributes.Count > 0 && logger.IsEnabled(LogLevel.Information))
        {
            var names = string.Join(", ", attributes);
            IgnoredAttributes(logger, resourceType, names);
        }
    }
}
