namespace Scim.Seeder.Generation;

/// <summary>
/// Team sizes as directories have them: most groups are small teams (2 to ~30 people), the rest follow a Zipf
/// law (size ∝ 1/rank), so a few groups are organization-wide. With 1,000,000 users, 10,000 groups and 5,000,000
/// memberships the largest five have 100,000+ members. Sizes add up exactly to the requested memberships (at most
/// groups × users) and no group has more members than there are users.
/// </summary>
internal static class TeamSizes
{
    /// <summary>Share of groups that are small teams.</summary>
    public const double SmallTeamShare = 0.6;

    public static int[] Compute(long seed, int groups, int users, long memberships)
    {
        var sizes = new int[groups];
        if (groups == 0 || users == 0 || memberships == 0)
        {
            return sizes;
        }

        var random = new SplitMix(Mix.Hash((ulong)seed, 0x5A5A_0001UL));
        var total = Math.Min(memberships, (long)groups * users);

        // Which groups are small teams and which rank the others have: a seeded shuffle.
        var order = Enumerable.Range(0, groups).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var smallCount = total >= groups * 40L ? (int)(groups * SmallTeamShare) : 0;
        var weights = new double[groups];
        long smallTotal = 0;
        for (var k = 0; k < smallCount; k++)
        {
            // Log-uniform between 2 and 30: many pairs and handfuls, fewer of thirty.
            var size = (int)Math.Round(Math.Exp(Math.Log(2) + (random.NextDouble() * (Math.Log(30) - Math.Log(2)))));
            sizes[order[k]] = Math.Min(size, users);
            smallTotal += sizes[order[k]];
        }

        for (var k = smallCount; k < groups; k++)
        {
            weights[order[k]] = 1.0 / (k - smallCount + 1);
        }

        Distribute(sizes, weights, total - smallTotal, users);
        return sizes;
    }

    /// <summary>Adds <paramref name="amount"/> to <paramref name="sizes"/> in proportion to <paramref name="weights"/>, never past <paramref name="cap"/>.</summary>
    private static void Distribute(int[] sizes, double[] weights, long amount, int cap)
    {
        while (amount > 0)
        {
            var open = Enumerable.Range(0, sizes.Length).Where(i => sizes[i] < cap && weights[i] > 0).ToArray();
            if (open.Length == 0)
            {
                // Every weighted group is full: spread the rest evenly over the groups that still have room.
                foreach (var i in Enumerable.Range(0, sizes.Length).Where(i => sizes[i] < cap))
                {
                    weights[i] = 1;
                }

                open = [.. Enumerable.Range(0, sizes.Length).Where(i => sizes[i] < cap)];
                if (open.Length == 0)
                {
                    return;
                }
            }

            var weightSum = open.Sum(i => weights[i]);
            long given = 0;
            foreach (var i in open)
            {
                var share = (long)Math.Floor(amount * weights[i] / weightSum);
                var add = (int)Math.Min(share, cap - sizes[i]);
                sizes[i] += add;
                given += add;
            }

            if (given == 0)
            {
                // Rounding left a remainder smaller than the number of open groups: one each, heaviest first.
                foreach (var i in open.OrderByDescending(i => weights[i]).Take((int)Math.Min(amount, open.Length)))
                {
                    sizes[i]++;
                    given++;
                }
            }

            amount -= given;
        }
    }
}
