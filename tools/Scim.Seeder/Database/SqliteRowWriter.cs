using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Scim.Seeder.Database;

/// <summary>
/// Inserts rows of one <see cref="RowShape{T}"/> through a prepared statement, each value bound as EF Core stores it on
/// SQLite: a GUID as upper-case TEXT, a timestamp as TEXT in EF Core's format, a bool as INTEGER 1/0. A GUID or string
/// bound to a parameter stays bound after the statement runs, so a value the row shares with the previous one (the
/// organization, the group of a run of memberships, "emails") is not bound again.
/// </summary>
internal sealed class SqliteRowWriter<T> : IRowWriter, IDisposable
{
    private const string DateFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    private readonly RowShape<T> shape;
    private readonly RawStatement statement;
    private readonly Guid?[] boundGuids;
    private readonly string?[] boundStrings;
    private int position;

    /// <param name="connection">The open connection; rows go into its current transaction.</param>
    /// <param name="shape">The table and its columns.</param>
    /// <param name="orIgnore">Whether a row that breaks a unique constraint is skipped (<c>INSERT OR IGNORE</c>).</param>
    public SqliteRowWriter(SqliteConnection connection, RowShape<T> shape, bool orIgnore = false)
    {
        this.shape = shape;
        statement = new RawStatement(connection,
            $"INSERT{(orIgnore ? " OR IGNORE" : "")} INTO \"{shape.Table}\" ({string.Join(", ", shape.Columns.Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", shape.Columns.Select((_, i) => $"?{i + 1}"))})");
        boundGuids = new Guid?[shape.Columns.Count + 1];
        boundStrings = new string?[shape.Columns.Count + 1];
    }

    /// <summary>Inserts <paramref name="row"/>; returns 1, or 0 when <c>INSERT OR IGNORE</c> skipped it.</summary>
    public int Insert(T row)
    {
        position = 1;
        shape.Write(this, row);
        return statement.Execute();
    }

    public void Write(Guid value)
    {
        var at = position++;
        if (boundGuids[at] == value)
        {
            return;
        }

        Span<char> text = stackalloc char[36];
        value.TryFormat(text, out _, "D");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] >= 'a')
            {
                text[i] = (char)(text[i] - ('a' - 'A'));
            }
        }

        statement.Set(at, text);
        boundGuids[at] = value;
    }

    public void Write(Guid? value)
    {
        if (value is { } id)
        {
            Write(id);
            return;
        }

        boundGuids[position] = null;
        statement.Set(position++, (string?)null);
    }

    public void Write(string? value)
    {
        var at = position++;
        if (value is not null && ReferenceEquals(boundStrings[at], value))
        {
            return;
        }

        statement.Set(at, value);
        boundStrings[at] = value;
    }

    public void Write(bool value) => statement.Set(position++, value ? 1L : 0L);

    public void Write(bool? value) => statement.Set(position++, value);

    public void Write(int value) => statement.Set(position++, value);

    public void Write(long value) => statement.Set(position++, value);

    public void Write(DateTime value)
    {
        Span<char> text = stackalloc char[DateFormat.Length];
        value.TryFormat(text, out var length, DateFormat, CultureInfo.InvariantCulture);
        statement.Set(position++, text[..length]);
    }

    public void Write(byte[] value) => statement.Set(position++, value);

    public void Dispose() => statement.Dispose();
}
