namespace Scim.Infrastructure.Sqlite.Writes;

/// <summary>
/// Thrown by <see cref="SqliteWriteSession"/> between the chunks of a large write's statements, or by the writer after
/// the last, when small writes of other organizations wait: the writer undoes the write and runs it again after them.
/// Never leaves the writer.
/// </summary>
internal sealed class WriteYielded() : Exception("A large write gave the writer up to small writes of other organizations.");
