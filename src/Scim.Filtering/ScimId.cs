namespace Scim.Filtering;

/// <summary>
/// The SCIM <c>id</c> of a resource of this server (RFC 7643 §3.1) in the one form the server issues: a GUID written
/// as 36 lower-case characters with dashes, e.g. <c>2819c223-7f76-453a-919d-413861904646</c>
/// (<see cref="Guid.ToString()"/>'s <c>D</c> format). An id is case-exact, so any other spelling of the same GUID
/// (upper-case, braces, no dashes) is not the id of any resource: it is read as an unknown id wherever a client names
/// a resource (a URL, an <c>id</c> or <c>value</c> filter, a member or manager to add or remove).
/// </summary>
public static class ScimId
{
    /// <summary>The length of an id: 32 hexadecimal digits and 4 dashes.</summary>
    public const int Length = 36;

    /// <summary>Reads <paramref name="text"/> as an id in its canonical form.</summary>
    /// <param name="text">The id as the client sent it, or null.</param>
    /// <param name="id">The GUID when the result is true; <see cref="Guid.Empty"/> otherwise.</param>
    /// <returns>True only for the exact text <see cref="Guid.ToString()"/> gives for some GUID.</returns>
    public static bool TryParse(string? text, out Guid id)
    {
        if (text is { Length: Length } && Guid.TryParseExact(text, "D", out id) && !text.AsSpan().ContainsAnyInRange('A', 'F'))
        {
            return true;
        }

        id = Guid.Empty;
        return false;
    }

    /// <summary>The GUID of an id already known to be canonical (checked with <see cref="TryParse"/>).</summary>
    /// <param name="text">The id.</param>
    /// <returns>The GUID.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not an id in its canonical form.</exception>
    public static Guid Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a SCIM id in its canonical form.");
}
