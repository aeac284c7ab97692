using System.Globalization;
using Scim.Application.Features.Journal;
using Scim.Domain.Journal;

namespace Scim.Api.Manage;

/// <summary>How the owner's page writes times: UTC to the minute, and how long ago in words.</summary>
public static class ManageFormat
{
    /// <summary><paramref name="time"/> (UTC) as <c>2026-12-06 15:04 UTC</c>; a dash when there is none.</summary>
    public static string Time(DateTime? time) =>
        time is { } t ? t.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    /// <summary><paramref name="time"/> (UTC) as an ISO 8601 value for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>How long before <paramref name="now"/> <paramref name="time"/> was: <c>just now</c>, <c>5 minutes ago</c>, <c>3 days ago</c>; <c>never</c> without one.</summary>
    public static string Ago(DateTime? time, DateTime now)
    {
        if (time is not { } t)
        {
            return "never";
        }

        var span = now - t;
        return span.TotalMinutes switch
        {
            < 1 => "just now",
            < 2 => "a minute ago",
            < 60 => $"{(int)span.TotalMinutes} minutes ago",
            < 120 => "an hour ago",
            < 60 * 24 => $"{(int)span.TotalHours} hours ago",
            < 60 * 48 => "yesterday",
            _ => $"{(int)span.TotalDays} days ago",
        };
    }

    /// <summary><paramref name="count"/> with thousands separators.</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>What a provisioning run did in words: <c>40 created, 3 updated, 2 failed</c>; <c>no changes</c> for a run of reads only.</summary>
    public static string Summary(ListProvisioningRuns.ProvisioningRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        string[] parts =
        [
            .. Part(run.Creates, "created"), .. Part(run.Updates, "updated"), .. Part(run.Deactivations, "deactivated"),
            .. Part(run.Deletes, "deleted"), .. Part(run.Failures, "failed"),
        ];
        return parts.Length == 0 ? "no changes" : string.Join(", ", parts);

        static string[] Part(int count, string what) => count == 0 ? [] : [$"{Count(count)} {what}"];
    }

    /// <summary>The name the page gives a provisioning client's dialect.</summary>
    public static string Dialect(RequestDialect dialect) => dialect switch
    {
        RequestDialect.EntraAadOptscim062020 => "Entra ID",
        RequestDialect.EntraLegacy => "Entra ID (legacy)",
        RequestDialect.Okta => "Okta",
        _ => "Other client",
    };

    /// <summary>The operations of users and groups the journal's activity holds, as the Activity filter offers them.</summary>
    public static IReadOnlyList<JournalOperation> DirectoryOperations { get; } =
    [
        JournalOperation.Create, JournalOperation.Replace, JournalOperation.Patch,
        JournalOperation.Delete, JournalOperation.AddMembers,
        JournalOperation.RemoveMembers, JournalOperation.Deactivate,
    ];

    /// <summary>What a request asked to do, as the page names it: <c>Create</c>, <c>Update</c>, <c>Add members</c>.</summary>
    public static string Operation(JournalOperation operation) => operation switch
    {
        JournalOperation.Create => "Create",
        JournalOperation.Replace => "Replace",
        JournalOperation.Patch => "Update",
        JournalOperation.Delete => "Delete",
        JournalOperation.AddMembers => "Add members",
        JournalOperation.RemoveMembers => "Remove members",
        JournalOperation.Deactivate => "Deactivate",
        JournalOperation.Revoke => "Revoke",
        JournalOperation.Rename => "Rename",
        _ => operation.ToString(),
    };

    /// <summary>An enum value as the API writes it (camelCase), e.g. <c>addMembers</c>.</summary>
    public static string CamelCase(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>A key's scope as the page names it: <c>SCIM</c>, <c>Read API</c>, <c>Write API</c>, <c>Admin</c>.</summary>
    public static string Scope(string scope) => scope switch
    {
        "scim" => "SCIM",
        "read" => "Read API",
        "write" => "Write API",
        "admin" => "Admin",
        _ => scope,
    };
}
