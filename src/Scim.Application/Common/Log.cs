using Microsoft.Extensions.Logging;

namespace Scim.Application.Common;

/// <summary>Log messages shared by the slices.</summary>
internal static partial class Log
{
    /// <summary>
    /// Attributes that no published schema defines are ignored rather than rejected (a 400 would quarantine an
    /// Entra provisioning job); the names are logged so an operator can see what a client is sending.
    /// </summary>
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{ResourceType} request: ignored {Count} attributes not in any published schema: {Attributes}")]
    public static partial void IgnoredAttributes(ILogger logger, string resourceType, int count, string attributes);

    /// <summary>Logs <paramref name="attributes"/> when there are any.</summary>
    public static void IgnoredAttributes(ILogger logger, string resourceType, IReadOnlyList<string> attributes)
    {
        if (attributes.Count > 0 && logger.IsEnabled(LogLevel.Information) && LogBudget.TryTake())
        {
            // The names come from the client: escaped, each cut, and only the first few of a list that may be a million long.
            var names = LogText.List(attributes);
            IgnoredAttributes(logger, resourceType, attributes.Count, names);
        }
    }
}
