using Microsoft.EntityFrameworkCore.Metadata;
using Scim.Domain.Groups;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Domain.Users;
using Scim.Infrastructure.Writes;

namespace Scim.Infrastructure.Postgres.Writes;

/// <summary>The entity statements of <see cref="PostgresWriteSession"/>, built once from the model.</summary>
internal sealed class PostgresStatements(IModel model)
{
    /// <summary>A taken userName (or id) inserts nothing instead of failing the transaction.</summary>
    public EntityStatement InsertUser { get; } = EntityStatement.Insert(model.FindEntityType(typeof(User))!, "ON CONFLICT DO NOTHING");

    public EntityStatement UpdateUser { get; } = EntityStatement.UpdateVersioned(model.FindEntityType(typeof(User))!, [], nameof(User.PasswordHash));

    public EntityStatement InsertValue { get; } = EntityStatement.Insert(model.FindEntityType(typeof(UserValue))!);

    public EntityStatement InsertAddress { get; } = EntityStatement.Insert(model.FindEntityType(typeof(UserAddress))!);

    /// <summary>A taken displayName inserts nothing instead of failing the transaction.</summary>
    public EntityStatement InsertGroup { get; } = EntityStatement.Insert(model.FindEntityType(typeof(Group))!, "ON CONFLICT DO NOTHING");

    public EntityStatement UpdateGroup { get; } = EntityStatement.UpdateVersioned(model.FindEntityType(typeof(Group))!, []);

    /// <summary>A taken name (or id) inserts nothing instead of failing the transaction.</summary>
    public EntityStatement InsertOrganization { get; } = EntityStatement.Insert(model.FindEntityType(typeof(Organization))!, "ON CONFLICT DO NOTHING");

    public EntityStatement InsertApiKey { get; } = EntityStatement.Insert(model.FindEntityType(typeof(ApiKey))!);

    /// <summary>The sequence is left to the column's identity default.</summary>
    public EntityStatement InsertJournal { get; } = EntityStatement.Insert(model.FindEntityType(typeof(JournalEntry))!);
}
