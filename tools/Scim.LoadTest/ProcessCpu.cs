using System.Globalization;

namespace Scim.LoadTest;

/// <summary>
/// CPU time a process has used so far (user + system), read from Linux's <c>/proc/&lt;pid&gt;/stat</c>, so a run can
/// state the server's CPU per request: the one figure that does not drift with the load generator sharing the cores.
/// </summary>
internal static class ProcessCpu
{
    // /proc reports utime and stime in clock ticks of USER_HZ, which is 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>User + system CPU seconds of <paramref name="pid"/>, or null with the reason it cannot be read.</summary>
    public static double? TryRead(int pid, out string? problem)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot read /proc/{pid}/stat (no such process on this machine, or not Linux): {e.Message}";
            return null;
        }

        // The command name (field 2) is in parentheses and may contain spaces; utime and stime are fields 14 and 15,
        // the 12th and 13th after the closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        if (fields.Length < 13
            || !long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var utime)
            || !long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var stime))
        {
            problem = $"/proc/{pid}/stat has no utime and stime fields";
            return null;
        }

        problem = null;
        return (utime + stime) / TicksPerSecond;
    }
}
