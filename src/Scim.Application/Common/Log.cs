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
            // The names come from the client: escape control characters so that none can start a forged log line.
            var names = string.Join(", ", attributes.Select(EscapeControlCharacters));
            IgnoredAttributes(logger, resourceType, names);
        }
    }

    /// <summary><paramref name="text"/> with each control character written as <c>\uXXXX</c>, so none can forge a line.</summary>
    internal static string EscapeControlCharacters(string text) =>
        text.Any(char.IsControl)
            ? string.Concat(text.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()))
            : text;
}
