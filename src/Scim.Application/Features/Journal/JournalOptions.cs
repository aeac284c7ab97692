namespace Scim.Application.Features.Journal;

/// <summary>
/// How long the provisioning journal keeps its rows (the <c>Scim:Journal</c> settings). A row goes when it is older than
/// <see cref="RetentionDays"/> or when its organization has <see cref="MaxRowsPerOrganization"/> newer rows, whichever
/// comes first; a background service prunes every <see cref="PruneIntervalMinutes"/>, <see cref="PruneBatchSize"/> rows
/// per statement.
/// </summary>
public sealed class JournalOptions
{
    /// <summary>Days a row is kept (<c>Scim:Journal:RetentionDays</c>; default 90).</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>The most rows kept per organization, the newest (<c>Scim:Journal:MaxRowsPerOrganization</c>; default 1,000,000).</summary>
    public int MaxRowsPerOrganization { get; set; } = 1_000_000;

    /// <summary>Minutes between two prunings (<c>Scim:Journal:PruneIntervalMinutes</c>; default 60). The first runs at start.</summary>
    public int PruneIntervalMinutes { get; set; } = 60;

    /// <summary>
    /// The most rows one pruning statement deletes (<c>Scim:Journal:PruneBatchSize</c>; default 1,000): each is one write
    /// of the organization, taking its turn with the organization's other writes, so none waits long behind it.
    /// </summary>
    public int PruneBatchSize { get; set; } = 1_000;

    /// <summary>Milliseconds between two pruning statements (<c>Scim:Journal:PrunePauseMilliseconds</c>; default 20).</summary>
    public int PrunePauseMilliseconds { get; set; } = 20;

    /// <summary>The settings themselves, or the error naming the first one out of range.</summary>
    /// <exception cref="Common.InvalidSettingException">A setting is out of range; the message names it.</exception>
    public JournalOptions Validated() =>
        RetentionDays < 1 ? throw Invalid(nameof(RetentionDays), RetentionDays, "is less than 1; set the days a row is kept, such as 90")
        : MaxRowsPerOrganization < 1 ? throw Invalid(nameof(MaxRowsPerOrganization), MaxRowsPerOrganization, "is less than 1; set the most rows kept per organization, such as 1000000")
        : PruneIntervalMinutes < 1 ? throw Invalid(nameof(PruneIntervalMinutes), PruneIntervalMinutes, "is less than 1; set the minutes between two prunings, such as 60")
        : PruneBatchSize is < 1 or > 100_000 ? throw Invalid(nameof(PruneBatchSize), PruneBatchSize, "is not between 1 and 100,000; set the most rows one statement deletes, such as 1000")
        : PrunePauseMilliseconds < 0 ? throw Invalid(nameof(PrunePauseMilliseconds), PrunePauseMilliseconds, "is negative; set 0 or more, such as 20")
        : this;

    private static Common.InvalidSettingException Invalid(string setting, int value, string problem) => new($"Scim:Journal:{setting} '{value}' {problem}.");
}
