using Scim.Domain.Users;

namespace Scim.Application.Features.Users;

/// <summary>
/// The stored JSON of a user (<see cref="User.Document"/>): the user's own attributes as SCIM JSON (RFC 7643 §4.1,
/// §4.3), written in the same statement as the columns the filters use. What the server assigns or derives at read
/// time is not in it: <c>schemas</c>, <c>id</c> and <c>meta</c> come from the columns, <c>groups</c> from the
/// membership rows, <c>manager</c> from <see cref="User.ManagerId"/> and the manager's row (so deleting or renaming
/// a manager never leaves a stale copy behind); <c>password</c> is never returned.
/// </summary>
public static class UserDocument
{
    /// <summary>
    /// Renders <paramref name="user"/>'s columns and value rows (<see cref="User.Values"/>, <see cref="User.Addresses"/>)
    /// as its document, as <see cref="UserCatalogue"/> lays it out. Every write renders the document from the entity it writes, so the document says exactly
    /// what the columns say.
    /// </summary>
    /// <param name="user">The user as it will be stored.</param>
    /// <returns>A UTF-8 JSON object.</returns>
    public static byte[] Render(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return UserCatalogue.Catalogue.Render(user);
    }
}
