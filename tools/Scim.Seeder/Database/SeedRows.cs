using Scim.Domain.Groups;
using Scim.Domain.Users;

namespace Scim.Seeder.Database;

/// <summary>
/// Writes one row's values in a <see cref="RowShape{T}"/>'s column order, each as the database stores that CLR type
/// (SQLite: GUIDs as upper-case text, timestamps as EF Core's text; PostgreSQL: uuid, timestamptz). The shapes say which
/// value goes in which column; a writer says only how a value is stored.
/// </summary>
internal interface IRowWriter
{
    void Write(Guid value);

    void Write(Guid? value);

    void Write(string? value);

    void Write(bool value);

    void Write(bool? value);

    void Write(int value);

    void Write(long value);

    void Write(DateTime value);

    void Write(byte[] value);
}

/// <summary>One column of a <see cref="RowShape{T}"/>: its name and how a row's value for it is written.</summary>
internal sealed record Column<T>(string Name, Action<IRowWriter, T> Write);

/// <summary>The columns of a table the seeder fills, in one order, with where each value comes from.</summary>
internal sealed class RowShape<T>(string table, params Column<T>[] columns)
{
    public string Table { get; } = table;

    public IReadOnlyList<string> Columns { get; } = [.. columns.Select(c => c.Name)];

    /// <summary>Writes <paramref name="row"/>'s values, one per column, in <see cref="Columns"/> order.</summary>
    public void Write(IRowWriter writer, T row)
    {
        foreach (var column in columns)
        {
            column.Write(writer, row);
        }
    }
}

/// <summary>
/// The rows <c>--via db</c> writes, the same on every database: each table's columns (every column of the server's
/// model but a database-generated key) and the entity property each is written from, so SQLite and PostgreSQL get the
/// same values and only the loading differs.
/// </summary>
internal static class SeedRows
{
    public static readonly RowShape<User> Users = new("users",
        new(nameof(User.Id), (w, u) => w.Write(u.Id)),
        new(nameof(User.OrganizationId), (w, u) => w.Write(u.OrganizationId)),
        new(nameof(User.UserName), (w, u) => w.Write(u.UserName)),
        new(nameof(User.UserNameNormalized), (w, u) => w.Write(u.UserNameNormalized)),
        new(nameof(User.ExternalId), (w, u) => w.Write(u.ExternalId)),
        new(nameof(User.Active), (w, u) => w.Write(u.Active)),
        new(nameof(User.DisplayName), (w, u) => w.Write(u.DisplayName)),
        new(nameof(User.DisplayNameNormalized), (w, u) => w.Write(u.DisplayNameNormalized)),
        new(nameof(User.NickName), (w, u) => w.Write(u.NickName)),
        new(nameof(User.ProfileUrl), (w, u) => w.Write(u.ProfileUrl)),
        new(nameof(User.Title), (w, u) => w.Write(u.Title)),
        new(nameof(User.UserType), (w, u) => w.Write(u.UserType)),
        new(nameof(User.PreferredLanguage), (w, u) => w.Write(u.PreferredLanguage)),
        new(nameof(User.Locale), (w, u) => w.Write(u.Locale)),
        new(nameof(User.Timezone), (w, u) => w.Write(u.Timezone)),
        new(nameof(User.PasswordHash), (w, u) => w.Write(u.PasswordHash)),
        new(nameof(User.NameFormatted), (w, u) => w.Write(u.NameFormatted)),
        new(nameof(User.NameFamilyName), (w, u) => w.Write(u.NameFamilyName)),
        new(nameof(User.NameGivenName), (w, u) => w.Write(u.NameGivenName)),
        new(nameof(User.NameMiddleName), (w, u) => w.Write(u.NameMiddleName)),
        new(nameof(User.NameHonorificPrefix), (w, u) => w.Write(u.NameHonorificPrefix)),
        new(nameof(User.NameHonorificSuffix), (w, u) => w.Write(u.NameHonorificSuffix)),
        new(nameof(User.EmployeeNumber), (w, u) => w.Write(u.EmployeeNumber)),
        new(nameof(User.CostCenter), (w, u) => w.Write(u.CostCenter)),
        new(nameof(User.Organization), (w, u) => w.Write(u.Organization)),
        new(nameof(User.Division), (w, u) => w.Write(u.Division)),
        new(nameof(User.Department), (w, u) => w.Write(u.Department)),
        new(nameof(User.ManagerId), (w, u) => w.Write(u.ManagerId)),
        new(nameof(User.CreatedUtc), (w, u) => w.Write(u.CreatedUtc)),
        new(nameof(User.LastModifiedUtc), (w, u) => w.Write(u.LastModifiedUtc)),
        new(nameof(User.Document), (w, u) => w.Write(u.Document)),
        new(nameof(User.Version), (w, u) => w.Write(u.Version)));

    public static readonly RowShape<UserValue> Values = new("user_values",
        new(nameof(UserValue.OrganizationId), (w, v) => w.Write(v.OrganizationId)),
        new(nameof(UserValue.UserId), (w, v) => w.Write(v.UserId)),
        new(nameof(UserValue.Attribute), (w, v) => w.Write(v.Attribute)),
        new(nameof(UserValue.Ordinal), (w, v) => w.Write(v.Ordinal)),
        new(nameof(UserValue.Value), (w, v) => w.Write(v.Value)),
        new(nameof(UserValue.ValueNormalized), (w, v) => w.Write(v.ValueNormalized)),
        new(nameof(UserValue.Display), (w, v) => w.Write(v.Display)),
        new(nameof(UserValue.Type), (w, v) => w.Write(v.Type)),
        new(nameof(UserValue.Primary), (w, v) => w.Write(v.Primary)));

    public static readonly RowShape<UserAddress> Addresses = new("user_addresses",
        new(nameof(UserAddress.OrganizationId), (w, a) => w.Write(a.OrganizationId)),
        new(nameof(UserAddress.UserId), (w, a) => w.Write(a.UserId)),
        new(nameof(UserAddress.Ordinal), (w, a) => w.Write(a.Ordinal)),
        new(nameof(UserAddress.Formatted), (w, a) => w.Write(a.Formatted)),
        new(nameof(UserAddress.StreetAddress), (w, a) => w.Write(a.StreetAddress)),
        new(nameof(UserAddress.Locality), (w, a) => w.Write(a.Locality)),
        new(nameof(UserAddress.Region), (w, a) => w.Write(a.Region)),
        new(nameof(UserAddress.PostalCode), (w, a) => w.Write(a.PostalCode)),
        new(nameof(UserAddress.Country), (w, a) => w.Write(a.Country)),
        new(nameof(UserAddress.Type), (w, a) => w.Write(a.Type)),
        new(nameof(UserAddress.Primary), (w, a) => w.Write(a.Primary)));

    // Version is written out (1, as the server creates a group): on SQLite the column's DEFAULT 1 comes from the
    // migration that added it, not from the model, so a later migration that rebuilds the table would drop it.
    public static readonly RowShape<Group> Groups = new("groups",
        new(nameof(Group.Id), (w, g) => w.Write(g.Id)),
        new(nameof(Group.OrganizationId), (w, g) => w.Write(g.OrganizationId)),
        new(nameof(Group.DisplayName), (w, g) => w.Write(g.DisplayName)),
        new(nameof(Group.DisplayNameNormalized), (w, g) => w.Write(g.DisplayNameNormalized)),
        new(nameof(Group.ExternalId), (w, g) => w.Write(g.ExternalId)),
        new(nameof(Group.CreatedUtc), (w, g) => w.Write(g.CreatedUtc)),
        new(nameof(Group.LastModifiedUtc), (w, g) => w.Write(g.LastModifiedUtc)),
        new(nameof(Group.Version), (w, g) => w.Write(g.Version)));

    public static readonly RowShape<GroupMember> Members = new("group_members",
        new(nameof(GroupMember.GroupId), (w, m) => w.Write(m.GroupId)),
        new(nameof(GroupMember.MemberId), (w, m) => w.Write(m.MemberId)),
        new(nameof(GroupMember.OrganizationId), (w, m) => w.Write(m.OrganizationId)),
        new(nameof(GroupMember.Type), (w, m) => w.Write((int)m.Type)));
}
