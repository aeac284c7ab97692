namespace Scim.Cluster.Tests.Infrastructure;

/// <summary>The test classes that share one <see cref="ClusterFixture"/>: its two servers start once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class TwoServers : ICollectionFixture<ClusterFixture>
{
    /// <summary>The collection's name, for <c>[Collection]</c>.</summary>
    public const string Name = "Two servers on one PostgreSQL database";
}
