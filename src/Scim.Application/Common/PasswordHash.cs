using System.Security.Cryptography;

namespace Scim.Application.Common;

/// <summary>PBKDF2-SHA256 hashing of the write-only SCIM <c>password</c> (RFC 7643 §4.1.1), stored as <c>pbkdf2-sha256$iterations$salt$hash</c>.</summary>
public static class PasswordHash
{
    private const int Iterations = 100_000;

    /// <summary>A salted hash of <paramref name="password"/>.</summary>
    public static string Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }
}
