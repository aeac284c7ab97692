namespace Scim.Seeder.Generation;

/// <summary>
/// Stateless 64-bit mixing (SplitMix64's finaliser): every generated value is a pure function of the seed and an
/// index, so the same seed gives the same directory, in any order and on any run.
/// </summary>
internal static class Mix
{
    public static ulong Hash(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Hash(ulong a, ulong b) => Hash(Hash(a) ^ (b * 0xD6E8FEB86659FD93UL));

    public static ulong Hash(ulong a, ulong b, ulong c) => Hash(Hash(a, b) ^ (c * 0x9E3779B97F4A7C15UL));
}

/// <summary>A small, fast, seedable random sequence (SplitMix64) for per-record choices.</summary>
internal struct SplitMix(ulong state)
{
    private ulong state = state;

    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => (int)((NextUInt64() >> 33) % (ulong)maxExclusive);

    /// <summary>A value in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}
