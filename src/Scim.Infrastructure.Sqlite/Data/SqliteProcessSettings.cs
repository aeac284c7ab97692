using SQLitePCL;

namespace Scim.Infrastructure.Sqlite.Data;

/// <summary>Process-wide SQLite settings, which take effect only before the process opens its first connection.</summary>
internal static class SqliteProcessSettings
{
    private const int SqliteConfigMemStatus = 9; // SQLITE_CONFIG_MEMSTATUS

    private static int applied;

    /// <summary>
    /// Turns off SQLite's memory statistics. With them on, every allocation inside SQLite takes one process-wide
    /// mutex, and preparing a statement allocates a lot, so concurrent requests queue on that mutex: preparing and
    /// running the users page query on 8 threads of a 2-core machine cost 432 µs of CPU each with statistics and
    /// 112 µs without. Too late once a connection has opened (SQLite then refuses with SQLITE_MISUSE, harmless).
    /// </summary>
    public static void Apply()
    {
        if (Interlocked.Exchange(ref applied, 1) == 0)
        {
            Batteries_V2.Init();
            _ = raw.sqlite3_config(SqliteConfigMemStatus, 0);
        }
    }
}
