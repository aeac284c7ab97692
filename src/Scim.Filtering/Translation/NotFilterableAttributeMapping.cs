namespace Scim.Filtering.Translation;

/// <summary>An attribute filters may not name, registered with the reason the error gives (see <see cref="FilterAttributeMap{T}.NotFilterable"/>).</summary>
/// <param name="path">The registered path.</param>
/// <param name="reason">Why it cannot be filtered.</param>
internal sealed class NotFilterableAttributeMapping(string path, string reason) : AttributeMapping(path)
{
    /// <summary>The <c>invalidFilter</c> error for a filter naming the attribute as <paramref name="filterPath"/>.</summary>
    public ScimFilterException Refusal(string filterPath) => Error($"The attribute '{filterPath}' cannot be used in a filter: {reason}.");
}
