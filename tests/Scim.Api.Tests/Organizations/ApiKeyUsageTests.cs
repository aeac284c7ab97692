using Scim.Application.Features.Organizations;

namespace Scim.Api.Tests.Organizations;

/// <summary>The in-memory note of key uses: one entry per key and minute, taken once, kept on a failed write.</summary>
public sealed class ApiKeyUsageTests
{
    private static readonly DateTimeOffset Minute = new(2026, 1, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Note_UsesInOneMinute_AreTakenOnceAsThatMinute()
    {
        var usage = new ApiKeyUsage();
        var key = Guid.NewGuid();

        usage.Note(key, Minute.AddSeconds(1));
        usage.Note(key, Minute.AddSeconds(59));

        Assert.True(usage.HasPending);
        Assert.Equal([(key, Minute.UtcDateTime)], usage.Take(Minute.AddSeconds(59)));
        Assert.False(usage.HasPending);
        usage.Note(key, Minute.AddSeconds(59.9));
        Assert.Empty(usage.Take(Minute.AddSeconds(59.9)));
    }

    [Fact]
    public void Note_UseInALaterMinute_IsTakenAgain()
    {
        var usage = new ApiKeyUsage();
        var key = Guid.NewGuid();
        usage.Note(key, Minute);
        _ = usage.Take(Minute);

        usage.Note(key, Minute.AddMinutes(1));
        usage.Note(key, Minute.AddMinutes(5));

        Assert.Equal([(key, Minute.AddMinutes(5).UtcDateTime)], usage.Take(Minute.AddMinutes(5)));
    }

    [Fact]
    public void Restore_AfterAFailedWrite_IsTakenAgainUnlessALaterUseReplacedIt()
    {
        var usage = new ApiKeyUsage();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        usage.Note(first, Minute);
        usage.Note(second, Minute);
        var failed = usage.Take(Minute);
        usage.Note(second, Minute.AddMinutes(1));

        usage.Restore(failed);

        Assert.Equal(
            [(first, Minute.UtcDateTime), (second, Minute.AddMinutes(1).UtcDateTime)],
            usage.Take(Minute.AddMinutes(1)).OrderBy(u => u.KeyId == second));
    }
}
