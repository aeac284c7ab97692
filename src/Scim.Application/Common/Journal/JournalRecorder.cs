using Scim.Application.Common.Persistence;
using Scim.Application.Features.Groups;
using Scim.Application.Features.Users;
using Scim.Domain.Journal;
using Scim.Protocol;

namespace Scim.Application.Common.Journal;

/// <summary>
/// Makes the journal rows of the current request (scoped): the row of a change, which its write appends in its own
/// transaction (<see cref="IWriteSession.JournalAsync"/>), and the row of a failed request, which is queued and written
/// after it (<see cref="JournalFailures"/>). Each row carries the request's origin (<see cref="IRequestOrigin"/>),
/// organization and time.
/// </summary>
public sealed class JournalRecorder(IRequestOrigin origin, OrganizationContext organization, TimeProvider clock, JournalFailures failures)
{
    /// <summary>How many characters of a failed request's detail are kept.</summary>
    public const int MaxDetailLength = 256;

    /// <summary>The row of a change about to be written; <see cref="JournalEntry.Version"/> may still be set inside the write.</summary>
    /// <param name="slice">The slice making the change, e.g. <c>nameof(PatchUser)</c>.</param>
    /// <param name="operation">What it does.</param>
    /// <param name="resourceType">The resource type changed.</param>
    /// <param name="resourceId">The resource changed.</param>
    /// <param name="version">The resource's version after the change; null for a deletion.</param>
    /// <param name="attributes">The attributes changed (<see cref="ChangedAttributes"/>).</param>
    internal JournalEntry Change(
        string slice, JournalOperation operation, JournalResourceType resourceType, Guid resourceId, long? version, string? attributes) =>
        Entry(organization.OrganizationId, slice, operation, resourceType, resourceId, version, attributes, error: null);

    /// <summary>
    /// The row of an administration change of organization <paramref name="organizationId"/> (which need not be the
    /// caller's: the operator acts on any), appended in the change's own write.
    /// </summary>
    /// <param name="organizationId">The organization changed, or whose key changed.</param>
    /// <param name="slice">The slice making the change, e.g. <c>nameof(CreateApiKey)</c>.</param>
    /// <param name="operation">What it does.</param>
    /// <param name="resourceType"><see cref="JournalResourceType.Organization"/> or <see cref="JournalResourceType.ApiKey"/>.</param>
    /// <param name="resourceId">The organization's or the key's id.</param>
    /// <param name="attributes">The names of what it set, e.g. <c>name,scopes</c>.</param>
    /// <param name="subject">What it was about, kept as the row's detail: the organization's name, the key's label, prefix and scopes.</param>
    internal JournalEntry Administration(
        Guid organizationId, string slice, JournalOperation operation, JournalResourceType resourceType, Guid resourceId, string? attributes, string subject) =>
        Entry(organizationId, slice, operation, resourceType, resourceId, version: null, attributes, error: null, subject);

    /// <summary>
    /// Queues the row of a request (or bulk operation) of the current organization that failed with
    /// <paramref name="error"/>: nothing of it was committed, so it is written on its own, shortly after. Never the request
    /// body; the detail shortened to <see cref="MaxDetailLength"/> characters, with control characters escaped.
    /// </summary>
    /// <param name="slice">The slice the request was for (its operation and resource type follow from it); null when none.</param>
    /// <param name="resourceId">The id the request named, when it named a valid one.</param>
    /// <param name="error">The SCIM error answered.</param>
    public void Failed(string? slice, Guid? resourceId, ScimError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (organization.OrganizationId == Guid.Empty)
        {
            // No authenticated key, so no organization to record it for.
            return;
        }

        var (operation, resourceType) = SliceOf(slice);
        failures.Enqueue(Entry(organization.OrganizationId, slice, operation, resourceType, resourceId, version: null, attributes: null, error));
    }

    /// <summary>What the slice named <paramref name="slice"/> does and to which resource type (reads: no operation).</summary>
    internal static (JournalOperation? Operation, JournalResourceType? ResourceType) SliceOf(string? slice) => slice switch
    {
        nameof(CreateUser) => (JournalOperation.Create, JournalResourceType.User),
        nameof(ReplaceUser) => (JournalOperation.Replace, JournalResourceType.User),
        nameof(PatchUser) => (JournalOperation.Patch, JournalResourceType.User),
        nameof(DeleteUser) => (JournalOperation.Delete, JournalResourceType.User),
        nameof(GetUser) or nameof(ListUsers) or "SearchUsers" => (null, JournalResourceType.User),
        nameof(CreateGroup) => (JournalOperation.Create, JournalResourceType.Group),
        nameof(ReplaceGroup) => (JournalOperation.Replace, JournalResourceType.Group),
        nameof(PatchGroup) => (JournalOperation.Patch, JournalResourceType.Group),
        nameof(DeleteGroup) => (JournalOperation.Delete, JournalResourceType.Group),
        nameof(GetGroup) or nameof(ListGroups) or "SearchGroups" => (null, JournalResourceType.Group),
        _ => (null, null),
    };

    private JournalEntry Entry(
        Guid organizationId, string? slice, JournalOperation? operation, JournalResourceType? resourceType, Guid? resourceId, long? version, string? attributes, ScimError? error,
        string? subject = null)
    {
        var from = origin.Current;
        return new JournalEntry
        {
            OrganizationId = organizationId,
            TimeUtc = clock.GetUtcNow().UtcDateTime,
            Operation = operation,
            Slice = slice,
            ResourceType = resourceType,
            ResourceId = resourceId,
            Version = version,
            Attributes = attributes,
            Dialect = from.Dialect,
            KeyId = from.KeyId,
            KeyPrefix = from.KeyPrefix,
            KeyLabel = from.KeyLabel,
            RequestId = from.RequestId,
            Status = error?.Status,
            ScimType = error?.ScimType,
            Detail = (error?.Detail ?? subject) is { } detail ? Shortened(LogText.Escape(detail)) : null,
        };
    }

    // Cut at the limit, but never through a surrogate pair or an escape sequence (\u000A) that the escaping made.
    private static string Shortened(string detail)
    {
        if (detail.Length <= MaxDetailLength)
        {
            return detail;
        }

        var end = MaxDetailLength - 1;
        if (char.IsLowSurrogate(detail[end]))
        {
            end--;
        }

        // An escape sequence is 6 characters: one starting in the last 5 kept would be cut.
        var escape = detail.LastIndexOf("\\u", end, 6, StringComparison.Ordinal);
        return string.Concat(detail.AsSpan(0, escape >= 0 ? escape : end), "…");
    }
}

/// <summary>Appending a write's journal row when, and only when, the write succeeds.</summary>
internal static class JournalWrites
{
    /// <summary>
    /// Appends <paramref name="entry"/> to the journal in the write's transaction when <paramref name="written"/> is a
    /// success; returns <paramref name="written"/> as it is.
    /// </summary>
    public static async ValueTask<Result<T>> RecordAsync<T>(this IWriteSession session, Result<T> written, JournalEntry entry)
    {
        if (written.IsSuccess)
        {
            await session.JournalAsync(entry);
        }

        return written;
    }
}
