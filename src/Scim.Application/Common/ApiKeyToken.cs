using System.Security.Cryptography;
using System.Text;

namespace Scim.Application.Common;

/// <summary>
/// The secret bearer token format: <c>scim_</c> followed by 43 base64url characters (256 random bits).
/// Only <see cref="Hash"/> of a token is stored.
/// </summary>
public static class ApiKeyToken
{
    private const string Marker = "scim_";

    /// <summary>How many leading characters of a token are kept in clear to tell keys apart.</summary>
    public const int PrefixLength = 12;

    /// <summary>A new random token.</summary>
    public static string Create() =>
        Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
