using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Application.Common;
using Scim.Protocol;
using Scim.Protocol.Patching;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>What the server does with a User's <c>password</c> (setting <c>Scim:Users:Password</c>).</summary>
public enum PasswordHandling
{
    /// <summary>
    /// <c>ignore</c> (the default): the password is accepted and dropped, never hashed or stored. Users sign in through
    /// single sign-on; identity providers such as Okta send a placeholder password on every create anyway.
    /// </summary>
    Ignore,

    /// <summary>
    /// <c>hash</c>: the password is stored as a salted PBKDF2-SHA256 hash of 100,000 iterations
    /// (<see cref="PasswordHash"/>), which costs about 40 ms of CPU on every request that carries one.
    /// </summary>
    Hash,

    /// <summary><c>reject</c>: a POST, PUT or PATCH that carries a password is answered 400 <c>invalidValue</c> and changes nothing.</summary>
    Reject,
}

/// <summary>
/// Applies the <see cref="PasswordHandling"/> setting to a User's canonical representation before anything is stored.
/// Whatever the setting, the password never reaches the stored document and is returned never (RFC 7643 §4.1.1:
/// <c>mutability: writeOnly</c>, <c>returned: never</c>).
/// </summary>
/// <param name="handling">The configured handling.</param>
public sealed class UserPasswords(PasswordHandling handling)
{
    /// <summary>
    /// What a User stores once its password is removed while passwords are hashed: no hash, so no password verifies
    /// against it. (A null hash in a write keeps the stored one, for the PUTs that carry no password.)
    /// </summary>
    internal const string Removed = "";

    /// <summary>The configured handling.</summary>
    public PasswordHandling Handling => handling;

    /// <summary>
    /// Whether <paramref name="request"/> removes the password while passwords are hashed: a <c>remove</c> of
    /// <c>password</c>, or an <c>add</c>/<c>replace</c> of it with null or <c>""</c> (RFC 7644 §3.5.2.2). The patched
    /// representation cannot show it, as it never holds the password.
    /// </summary>
    internal bool Removes(PatchRequest request) =>
        handling == PasswordHandling.Hash && (request.Operations ?? []).Any(o => IsPassword(o.Path)
            && (string.Equals(o.Op, "remove", StringComparison.OrdinalIgnoreCase) || IsEmpty(o.Value)));

    /// <summary>
    /// Removes <c>password</c> from <paramref name="resource"/> (a POST or PUT body, or the result of a PATCH) and says
    /// what to store: its hash (<see cref="PasswordHandling.Hash"/>), nothing (<see cref="PasswordHandling.Ignore"/>, or
    /// no password or an empty one), or the 400 <c>invalidValue</c> to answer (<see cref="PasswordHandling.Reject"/>).
    /// </summary>
    internal Result<string?> Take(JsonObject resource)
    {
        var name = resource.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, "password", StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            return (string?)null;
        }

        var value = resource[name];
        resource.Remove(name);
        var password = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        return (handling, password) switch
        {
            (_, null or "") or (PasswordHandling.Ignore, _) => (string?)null,
            (PasswordHandling.Reject, _) => ScimError.InvalidValue(
                "Passwords are not accepted here: users sign in through single sign-on, so no password is stored. Send the User "
                + "without \"password\"; a client that always sends one (Okta does) needs the server's Scim:Users:Password set to 'ignore'."),
            _ => PasswordHash.Create(password),
        };
    }

    private static bool IsEmpty(JsonNode? value) =>
        value is null || (value is JsonValue v && (v.GetValueKind() == JsonValueKind.Null
            || (v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0)));

    // Every spelling of the path (any case, with the core schema's URN) resolves to the one attribute.
    private static bool IsPassword(string? path) =>
        !string.IsNullOrWhiteSpace(path) && AttributePathResolver.Resolve(path.Trim(), ResourceTypeDefinition.User).Value?.Attribute == UserSchema.Password;
}
