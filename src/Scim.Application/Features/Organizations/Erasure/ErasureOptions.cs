namespace Scim.Application.Features.Organizations.Erasure;

/// <summary>
/// How a deleted organization's data is erased (the <c>Scim:Erasure</c> settings): in batches of at most
/// <see cref="BatchSize"/> rows, each one write of the organization through the writer, with
/// <see cref="PauseMilliseconds"/> between two, so other organizations' writes interleave with it.
/// </summary>
public sealed class ErasureOptions
{
    /// <summary>
    /// The most journal rows, memberships, groups and users one batch deletes (<c>Scim:Erasure:BatchSize</c>; default
    /// 1,000); a user's value and address rows go with it.
    /// </summary>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>Milliseconds between two batches (<c>Scim:Erasure:PauseMilliseconds</c>; default 20).</summary>
    public int PauseMilliseconds { get; set; } = 20;

    /// <summary>The settings themselves, or the error naming the first one out of range.</summary>
    /// <exception cref="Common.InvalidSettingException">A setting is out of range; the message names it.</exception>
    public ErasureOptions Validated() =>
        BatchSize is < 1 or > 100_000 ? throw new Common.InvalidSettingException($"Scim:Erasure:BatchSize '{BatchSize}' is not between 1 and 100,000; set how many rows one batch deletes, such as 1000.")
        : PauseMilliseconds < 0 ? throw new Common.InvalidSettingException($"Scim:Erasure:PauseMilliseconds '{PauseMilliseconds}' is negative; set 0 or more, such as 20.")
        : this;
}
