using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Application.Common;
using Scim.Protocol;

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
    /// <summary>The configured handling.</summary>
    public PasswordHandling Handling => handling;

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
}
