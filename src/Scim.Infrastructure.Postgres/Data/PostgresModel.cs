using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Scim.Domain.Groups;
using Scim.Domain.Journal;
using Scim.Domain.Users;

namespace Scim.Infrastructure.Postgres.Data;

/// <summary>
/// What the shared model (<see cref="Infrastructure.Data.ScimDbContext"/>) becomes on PostgreSQL.
/// <list type="bullet">
/// <item>Every key, foreign key and index of the directory's tables leads with <c>OrganizationId</c>: the primary keys
/// are (<c>OrganizationId</c>, <c>Id</c>), references between rows carry the organization. A table can then be
/// distributed by organization (Citus <c>create_distributed_table('users', 'OrganizationId')</c>) with no schema
/// change, and an organization's rows sit together in every index. <c>organizations</c> and <c>api_keys</c> are
/// looked up across organizations (a key by its hash) and stay global (Citus reference tables).</item>
/// <item>Every text column has the collation <see cref="TextCollation"/>. It orders by code point like SQLite's BINARY,
/// so <c>gt</c>, <c>lt</c> and the range <c>sw</c> compiles to give the same results on both, and B-tree indexes serve
/// those ranges (and <c>LIKE 'prefix%'</c>). Its character classes are Unicode's, so <c>lower()</c>, which
/// case-insensitive filters apply to columns without a lower-cased copy (<c>title eq "ÉQUIPE"</c>), folds letters as
/// .NET's <see cref="string.ToLowerInvariant()"/> does, as SQLite's replaced <c>lower()</c> does; with the plain
/// <c>C</c> collation it would fold ASCII letters only.</item>
/// <item>The journal's key is (<c>OrganizationId</c>, <c>Sequence</c>), the change feed's order, and a resource's
/// history is indexed in sequence order.</item>
/// <item>The unique name indexes (users' <c>userName</c>, groups' <c>displayName</c>) carry the id as an included
/// column: the other sort indexes end with it, and a deep index page reads its ids from the index alone.</item>
/// <item>Trigram GIN indexes (<c>pg_trgm</c>, with <c>btree_gin</c> for the leading organization) serve <c>co</c>
/// and <c>ew</c> on the lower-cased names that Entra and Okta search: userName, displayName, emails and group displayName.</item>
/// </list>
/// </summary>
internal sealed class PostgresModel(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    /// <summary>
    /// LC_COLLATE <c>C</c> (byte order, which PostgreSQL recognises as C: fast comparisons and LIKE prefixes through
    /// B-tree indexes) with LC_CTYPE <c>C.UTF-8</c> (Unicode case mapping, one code point at a time like .NET's; glibc's
    /// differs from .NET's invariant mapping only for U+0130 'İ', which .NET leaves as it is and glibc lower-cases to
    /// 'i'). The server's operating system must have the C.UTF-8 locale (Debian, Ubuntu, Alpine, RHEL 8+ do); PostgreSQL
    /// 17's builtin <c>pg_c_utf8</c> is the same thing without that dependency.
    /// </summary>
    public const string TextCollation = "scim_c_utf8";

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        modelBuilder.HasPostgresExtension("pg_trgm").HasPostgresExtension("btree_gin")
            .HasCollation(schema: null, TextCollation, lcCollate: "C", lcCtype: "C.UTF-8", provider: "libc", deterministic: true);

        modelBuilder.Entity<User>(e =>
        {
            e.HasKey(u => new { u.OrganizationId, u.Id });
            // No ON DELETE action: a deletion clears the references to the user itself, under a lock on its row.
            e.HasOne(u => u.Manager).WithMany().HasForeignKey(u => new { u.OrganizationId, u.ManagerId })
                .HasPrincipalKey(u => new { u.OrganizationId, u.Id }).OnDelete(DeleteBehavior.NoAction);
            e.HasMany(u => u.Values).WithOne().HasForeignKey(v => new { v.OrganizationId, v.UserId })
                .HasPrincipalKey(u => new { u.OrganizationId, u.Id }).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(u => u.Addresses).WithOne().HasForeignKey(a => new { a.OrganizationId, a.UserId })
                .HasPrincipalKey(u => new { u.OrganizationId, u.Id }).OnDelete(DeleteBehavior.Cascade);
            ReplaceIndex(e, [nameof(User.ManagerId)], [nameof(User.OrganizationId), nameof(User.ManagerId)]);
            // The id rides in the unique userName index, so a deep page by userName (startIndex=500000) finds its
            // ids by an index-only scan instead of fetching every row it skips from the table.
            e.HasIndex(u => new { u.OrganizationId, u.UserNameNormalized }).IncludeProperties(u => u.Id);
            Trigram(e, "IX_users_UserNameNormalized_trgm", nameof(User.UserNameNormalized));
            Trigram(e, "IX_users_DisplayNameNormalized_trgm", nameof(User.DisplayNameNormalized));
        });

        modelBuilder.Entity<UserValue>(e =>
        {
            e.HasKey(v => new { v.OrganizationId, v.Id });
            e.Property(v => v.Id).UseIdentityByDefaultColumn();
            ReplaceIndex(e, [nameof(UserValue.UserId), nameof(UserValue.Attribute), nameof(UserValue.Ordinal)],
                [nameof(UserValue.OrganizationId), nameof(UserValue.UserId), nameof(UserValue.Attribute), nameof(UserValue.Ordinal)]);
            // Without Attribute: in a GIN index each column's value is a key of its own, and "emails" would be a key
            // listing nearly every row, read by each search (at 200,000 users 184 index pages with it, 109 without).
            Trigram(e, "IX_user_values_ValueNormalized_trgm", nameof(UserValue.ValueNormalized));
        });

        modelBuilder.Entity<UserAddress>(e =>
        {
            e.HasKey(a => new { a.OrganizationId, a.Id });
            e.Property(a => a.Id).UseIdentityByDefaultColumn();
            ReplaceIndex(e, [nameof(UserAddress.UserId), nameof(UserAddress.Ordinal)],
                [nameof(UserAddress.OrganizationId), nameof(UserAddress.UserId), nameof(UserAddress.Ordinal)]);
        });

        modelBuilder.Entity<Group>(e =>
        {
            e.HasKey(g => new { g.OrganizationId, g.Id });
            e.HasMany(g => g.Members).WithOne().HasForeignKey(m => new { m.OrganizationId, m.GroupId })
                .HasPrincipalKey(g => new { g.OrganizationId, g.Id }).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(g => new { g.OrganizationId, g.DisplayNameNormalized }).IncludeProperties(g => g.Id);
            Trigram(e, "IX_groups_DisplayNameNormalized_trgm", nameof(Group.DisplayNameNormalized));
        });

        modelBuilder.Entity<GroupMember>(e =>
        {
            e.HasKey(m => new { m.OrganizationId, m.GroupId, m.MemberId });
            ReplaceIndex(e, [nameof(GroupMember.MemberId)], [nameof(GroupMember.OrganizationId), nameof(GroupMember.MemberId)]);
        });

        modelBuilder.Entity<JournalEntry>(e =>
        {
            // The key is the feed's index; the sequence is one identity for all organizations, numbered in each
            // organization's commit order under its journal lock (PostgresWriteSession.AppendJournalAsync).
            DropIndex(e, [nameof(JournalEntry.OrganizationId), nameof(JournalEntry.Sequence)]);
            e.HasKey(j => new { j.OrganizationId, j.Sequence });
            e.Property(j => j.Sequence).UseIdentityByDefaultColumn();
            // B-tree entries of one key are not kept in sequence order here as SQLite's are (by rowid): say so.
            ReplaceIndex(e, [nameof(JournalEntry.OrganizationId), nameof(JournalEntry.ResourceId)],
                [nameof(JournalEntry.OrganizationId), nameof(JournalEntry.ResourceId), nameof(JournalEntry.Sequence)]);
        });

        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.ClrType == typeof(string)))
        {
            property.SetCollation(TextCollation);
        }
    }

    private static void ReplaceIndex<T>(EntityTypeBuilder<T> entity, string[] from, string[] to)
        where T : class
    {
        DropIndex(entity, from);
        entity.HasIndex(to);
    }

    private static void DropIndex<T>(EntityTypeBuilder<T> entity, string[] columns)
        where T : class
    {
        var properties = columns.Select(name => entity.Metadata.FindProperty(name)!).ToList();
        if (entity.Metadata.FindIndex(properties) is IMutableIndex index)
        {
            entity.Metadata.RemoveIndex(index);
        }
    }

    private static void Trigram<T>(EntityTypeBuilder<T> entity, string name, string column)
        where T : class =>
        entity.HasIndex([nameof(User.OrganizationId), column], name).HasMethod("gin").HasOperators("uuid_ops", "gin_trgm_ops");
}
