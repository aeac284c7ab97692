using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Groups;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Domain.Users;

namespace Scim.Infrastructure.Data;

/// <summary>
/// EF Core model of the directory. Organization-owned sets carry a global query filter on the request's
/// organization; unique indexes on the normalized columns make <c>userName</c> and group <c>displayName</c>
/// unique per organization without a check-then-insert race. Instances are pooled: a request's
/// <see cref="ScimDbContextLease"/> binds one to the request's organization, and returning it to the pool clears it.
/// </summary>
public sealed class ScimDbContext(DbContextOptions<ScimDbContext> options) : DbContext(options), IScimDbContext, IDataProtectionKeyContext
{
    /// <summary>The tenants, table <c>organizations</c> (not organization-filtered).</summary>
    public DbSet<Organization> Organizations => Set<Organization>();
    /// <summary>The API keys of every organization (not organization-filtered); only hashes are stored.</summary>
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    /// <summary>SCIM Users (RFC 7643 §4.1), filtered to the request's organization.</summary>
    public DbSet<User> Users => Set<User>();
    /// <summary>SCIM Groups (RFC 7643 §4.2), filtered to the request's organization.</summary>
    public DbSet<Group> Groups => Set<Group>();
    /// <summary>Group membership rows (<c>members</c>, RFC 7643 §4.2), filtered to the request's organization.</summary>
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    /// <summary>The user and group counts (table <c>organization_counts</c>, kept by triggers), filtered to the request's organization.</summary>
    public DbSet<OrganizationCount> OrganizationCounts => Set<OrganizationCount>();
    /// <summary>
    /// The provisioning journal (table <c>journal</c>, not organization-filtered: every read names its organization): one
    /// row per committed change and per failed request.
    /// </summary>
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    /// <summary>
    /// The server's ASP.NET Core Data Protection keys (table <c>data_protection_keys</c>, not organization-filtered),
    /// shared by every instance on the database: they encrypt and authenticate list cursors.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private OrganizationContext organization = new();
    private UserGroupsReader? userGroups;
    private bool leased;

    // Read by the query filters on every query (EF parameterises it), so a context never leaks across organizations:
    // the request's scoped value, which authentication fills in after the context was rented; a context outside a
    // request sees no organization.
    private Guid CurrentOrganizationId => organization.OrganizationId;

    /// <summary>
    /// Disposes the context, or, while a request's <see cref="ScimDbContextLease"/> holds it, does nothing: the scope
    /// disposes the context once for each service type it was resolved as, and only the lease may return it to the
    /// pool, exactly once (a second return would hand the same instance to two requests).
    /// </summary>
    public override void Dispose()
    {
        if (!leased)
        {
            base.Dispose();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    /// <returns>A task that completes when the context is disposed.</returns>
    public override ValueTask DisposeAsync() => leased ? ValueTask.CompletedTask : base.DisposeAsync();

    /// <summary>Binds a context just taken from the pool to the renting request's organization and the provider's membership reader.</summary>
    internal void Lease(OrganizationContext requestOrganization, UserGroupsReader userGroupsReader)
    {
        organization = requestOrganization;
        userGroups = userGroupsReader;
        leased = true;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The context is not a request's (only a leased context has the reader).</exception>
    public Task<List<UserGroupMembership>> ReadUserGroupsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        userIds.Count == 0 ? Task.FromResult(new List<UserGroupMembership>())
        : (userGroups ?? throw new InvalidOperationException("Only a request's leased context reads memberships."))
            .ReadAsync(this, CurrentOrganizationId, userIds, cancellationToken);

    /// <summary>Returns the leased context to the pool without its organization.</summary>
    internal ValueTask ReturnAsync()
    {
        leased = false;
        organization = new();
        return base.DisposeAsync();
    }

    /// <summary>As <see cref="ReturnAsync"/>, for a scope disposed synchronously (the Data Protection key store's).</summary>
    internal void Return()
    {
        leased = false;
        organization = new();
        base.Dispose();
    }

    /// <summary>Maps the entities to tables, the organization query filters, keys and the unique indexes on the normalized columns.</summary>
    /// <param name="modelBuilder">The model being built.</param>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.Entity<Organization>(e =>
        {
            e.ToTable("organizations");
            e.HasIndex(o => o.NameNormalized).IsUnique();
        });

        modelBuilder.Entity<ApiKey>(e =>
        {
            e.ToTable("api_keys");
            e.HasIndex(k => k.SecretHash).IsUnique();
            e.HasIndex(k => k.OrganizationId);
            e.HasOne<Organization>().WithMany().HasForeignKey(k => k.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        // Written only by the triggers of the migration OrganizationCounts; no foreign key, so a cascade that removes an
        // organization's users can still count after the organization row is gone (its rows are then removed too).
        modelBuilder.Entity<OrganizationCount>(e =>
        {
            e.ToTable("organization_counts");
            e.HasKey(c => new { c.OrganizationId, c.Slot });
            e.HasQueryFilter(c => c.OrganizationId == CurrentOrganizationId);
        });

        modelBuilder.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasQueryFilter(u => u.OrganizationId == CurrentOrganizationId);
            e.HasIndex(u => new { u.OrganizationId, u.UserNameNormalized }).IsUnique();
            // Each sort order of a list (sortBy externalId, displayName, meta.created, meta.lastModified, RFC 7644
            // §3.4.2.3) is read from any position by a range of its index: the key, then id, which breaks ties; the users
            // without a value are a single tie, read in id order by the range "key IS NULL". The same indexes answer eq,
            // sw and the comparisons of filters on these attributes (meta.lastModified gt: a delta synchronisation).
            e.HasIndex(u => new { u.OrganizationId, u.ExternalId, u.Id });
            e.HasIndex(u => new { u.OrganizationId, u.DisplayNameNormalized, u.Id });
            e.HasIndex(u => new { u.OrganizationId, u.CreatedUtc, u.Id });
            e.HasIndex(u => new { u.OrganizationId, u.LastModifiedUtc, u.Id });
            e.HasIndex(u => u.ManagerId);
            e.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(u => u.Manager).WithMany().HasForeignKey(u => u.ManagerId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(u => u.Values).WithOne().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(u => u.Addresses).WithOne().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<UserValue>(e =>
        {
            e.ToTable("user_values");
            e.HasQueryFilter(v => v.OrganizationId == CurrentOrganizationId);
            e.HasIndex(v => new { v.UserId, v.Attribute, v.Ordinal });
            // Answers emails.value eq "x" (and Entra's emails[type eq "work"].value eq "x") without visiting every user.
            e.HasIndex(v => new { v.OrganizationId, v.Attribute, v.ValueNormalized });
        });

        modelBuilder.Entity<UserAddress>(e =>
        {
            e.ToTable("user_addresses");
            e.HasQueryFilter(a => a.OrganizationId == CurrentOrganizationId);
            e.HasIndex(a => new { a.UserId, a.Ordinal });
        });

        modelBuilder.Entity<Group>(e =>
        {
            e.ToTable("groups");
            e.HasQueryFilter(g => g.OrganizationId == CurrentOrganizationId);
            e.HasIndex(g => new { g.OrganizationId, g.DisplayNameNormalized }).IsUnique();
            // As for users; displayName, unique and required, orders through the unique index.
            e.HasIndex(g => new { g.OrganizationId, g.ExternalId, g.Id });
            e.HasIndex(g => new { g.OrganizationId, g.CreatedUtc, g.Id });
            e.HasIndex(g => new { g.OrganizationId, g.LastModifiedUtc, g.Id });
            // Every user representation names its groups: with this index each membership's group is one seek in a small
            // index, not a seek in the primary key's index and then in the table, and the index stays in the page cache.
            e.HasIndex(g => new { g.Id, g.OrganizationId, g.DisplayName });
            e.HasOne<Organization>().WithMany().HasForeignKey(g => g.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<JournalEntry>(e =>
        {
            e.ToTable("journal");
            // On SQLite an AUTOINCREMENT key: numbers are never reused, even after every row has been pruned.
            e.HasKey(j => j.Sequence);
            // The change feed, page by page.
            e.HasIndex(j => new { j.OrganizationId, j.Sequence });
            // Activity newest first (time, then sequence for rows of one instant) from any cursor position, and pruning by age.
            // A resource's history is read from the same index, its ResourceId compared without reading the rows: a
            // separate (OrganizationId, ResourceId) index put one random page into every write's commit (a PATCH of
            // an old user lands anywhere in it), where the entries of this one are appended at the organization's end.
            e.HasIndex(j => new { j.OrganizationId, j.TimeUtc, j.Sequence, j.ResourceId });
        });

        modelBuilder.Entity<GroupMember>(e =>
        {
            e.ToTable("group_members");
            e.HasQueryFilter(m => m.OrganizationId == CurrentOrganizationId);
            e.HasKey(m => new { m.GroupId, m.MemberId });
            // A member's groups (every user representation's "groups") are read from this index alone: one seek per user,
            // not one table row per membership.
            e.HasIndex(m => new { m.MemberId, m.OrganizationId, m.Type, m.GroupId });
            e.HasOne<Group>().WithMany(g => g.Members).HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    /// <summary>Reads every <see cref="DateTime"/> back as UTC (SQLite stores no kind).</summary>
    /// <param name="configurationBuilder">The conventions being configured.</param>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite returns DateTime with Kind=Unspecified; everything stored is UTC, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
