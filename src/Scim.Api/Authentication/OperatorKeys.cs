using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Scim.Api.Authentication;

/// <summary>
/// The operator credentials in force: the hashes of <see cref="AdminOptions.OperatorKeys"/>, parsed once per
/// configuration change (never per request), replaced when the configuration reloads. A secret is checked against every
/// hash in constant time, whichever matches and wherever they differ.
/// </summary>
public sealed partial class OperatorKeys : IDisposable
{
    /// <summary>What starts every operator secret: a token without it is an API key's business, not the operator's.</summary>
    public const string Marker = "scimop_";

    private const string HashPrefix = "sha256:";

    private readonly ILogger<OperatorKeys> logger;
    private readonly IDisposable? subscription;
    private volatile byte[][] hashes;

    /// <param name="options">The <c>Scim:Admin</c> section, followed as it changes.</param>
    /// <param name="logger">Where ignored entries are reported.</param>
    public OperatorKeys(IOptionsMonitor<AdminOptions> options, ILogger<OperatorKeys> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.logger = logger;
        hashes = Parse(options.CurrentValue);
        subscription = options.OnChange(changed => hashes = Parse(changed));
    }

    /// <summary>A new random operator secret: <see cref="Marker"/> and 43 base64url characters (256 bits).</summary>
    public static string CreateSecret() =>
        Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The entry of <see cref="AdminOptions.OperatorKeys"/> that admits <paramref name="secret"/>: <c>sha256:&lt;hex&gt;</c>.</summary>
    public static string EntryOf(string secret) => HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>True when <paramref name="token"/> has the operator secrets' form (<see cref="Marker"/>).</summary>
    public static bool IsOperatorToken(string token) => token.StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>
    /// The configured entry <paramref name="secret"/> matches, shortened to tell operators apart without giving out the
    /// hash (<c>sha256:1a2b3c4d</c>); null when none does. Every entry is compared, in constant time.
    /// </summary>
    public string? Match(string secret)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        byte[]? matched = null;
        foreach (var hash in hashes)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
            {
                matched = hash;
            }
        }

        return matched is null ? null : HashPrefix + Convert.ToHexStringLower(matched.AsSpan(0, 4));
    }

    /// <summary>
    /// True while <paramref name="entry"/>, as <see cref="Match"/> returned it (<c>sha256:1a2b3c4d</c>), still names a
    /// configured hash: a sign-in to the owner's page made with a secret since removed from the configuration ends.
    /// </summary>
    public bool Admits(string entry) => hashes.Any(hash => string.Equals(entry, HashPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 4)), StringComparison.Ordinal));

    /// <inheritdoc/>
    public void Dispose() => subscription?.Dispose();

    private byte[][] Parse(AdminOptions options)
    {
        var parsed = new List<byte[]>(options.OperatorKeys.Count);
        for (var i = 0; i < options.OperatorKeys.Count; i++)
        {
            var entry = options.OperatorKeys[i]?.Trim() ?? "";
            if (entry.StartsWith(HashPrefix, StringComparison.OrdinalIgnoreCase) && entry.Length == HashPrefix.Length + 64
                && entry.AsSpan(HashPrefix.Length).ContainsAnyExcept(HexDigits) == false)
            {
                parsed.Add(Convert.FromHexString(entry.AsSpan(HashPrefix.Length)));
            }
            else
            {
                // The entry itself is never logged: it may be a secret pasted where its hash belongs.
                IgnoredEntry(logger, i.ToString(CultureInfo.InvariantCulture));
            }
        }

        return [.. parsed];
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning,
        Message = "Scim:Admin:OperatorKeys:{Index} is not 'sha256:' followed by 64 hex digits and is ignored; 'Scim.Api operator secret' prints a valid entry.")]
    private static partial void IgnoredEntry(ILogger logger, string index);
}
