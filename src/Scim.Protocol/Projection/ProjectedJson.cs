using System.Text;
using System.Text.Json;

namespace Scim.Protocol.Projection;

/// <summary>
/// Copies UTF-8 SCIM JSON to a <see cref="Utf8JsonWriter"/> keeping only what a <see cref="ProjectionScope"/> keeps
/// (RFC 7644 §3.4.2.5). What is kept whole is copied as raw bytes, without being parsed into values or re-escaped, so
/// the input must be JSON the server wrote itself (compact, with the same string escaping as the writer).
/// </summary>
public static class ProjectedJson
{
    /// <summary>
    /// Writes the members of the JSON object <paramref name="json"/> that <paramref name="scope"/> keeps into the
    /// object <paramref name="writer"/> has open, in their order.
    /// </summary>
    /// <param name="json">A JSON object, UTF-8.</param>
    /// <param name="scope">What to keep of its members.</param>
    /// <param name="writer">The writer, inside an object.</param>
    /// <exception cref="JsonException"><paramref name="json"/> is not a JSON object.</exception>
    public static void WriteMembers(ReadOnlySpan<byte> json, ProjectionScope scope, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(writer);
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a JSON object.");
        }

        WriteMembers(json, ref reader, scope, writer);
    }

    /// <summary>
    /// Writes member <paramref name="utf8Name"/> with the JSON value <paramref name="json"/> as <paramref name="scope"/>
    /// (the parent scope's answer for the name) says: not at all, as it is, or only what the scope keeps of it, and
    /// not at all when that is nothing.
    /// </summary>
    /// <param name="utf8Name">The member name, UTF-8.</param>
    /// <param name="json">The member's value, UTF-8 JSON.</param>
    /// <param name="scope">Null (leave it out), <see cref="ProjectionScope.All"/>, or the scope inside the member.</param>
    /// <param name="writer">The writer, inside an object.</param>
    public static void WriteMember(ReadOnlySpan<byte> utf8Name, ReadOnlySpan<byte> json, ProjectionScope? scope, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (scope is null)
        {
            return;
        }

        if (scope.KeepsEverything)
        {
            writer.WritePropertyName(utf8Name);
            writer.WriteRawValue(json, skipInputValidation: true);
            return;
        }

        var reader = new Utf8JsonReader(json);
        reader.Read();
        var probe = reader;
        if (Keeps(ref probe, scope))
        {
            writer.WritePropertyName(utf8Name);
            WriteValue(json, ref reader, scope, writer);
        }
    }

    /// <summary>
    /// Whether anything of the JSON value <paramref name="json"/> is left once <paramref name="scope"/> is applied: an
    /// object or array left empty is omitted, a plain value is always kept.
    /// </summary>
    /// <param name="json">A JSON value, UTF-8.</param>
    /// <param name="scope">The scope inside the value.</param>
    /// <returns>True when writing the value would write anything.</returns>
    public static bool Keeps(ReadOnlySpan<byte> json, ProjectionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.KeepsEverything)
        {
            return true;
        }

        var reader = new Utf8JsonReader(json);
        reader.Read();
        return Keeps(ref reader, scope);
    }

    // The reader is on the object's StartObject; it is left on its EndObject.
    private static void WriteMembers(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, ProjectionScope scope, Utf8JsonWriter writer)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Name(ref reader);
            var inner = scope.Member(name);
            reader.Read();
            if (inner is null)
            {
                reader.Skip();
            }
            else if (inner.KeepsEverything)
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(Raw(json, ref reader), skipInputValidation: true);
            }
            else
            {
                var probe = reader;
                if (Keeps(ref probe, inner))
                {
                    writer.WritePropertyName(name);
                    WriteValue(json, ref reader, inner, writer);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    // Writes the value the reader is on as the (partial) scope keeps it; the caller checked that something is kept.
    private static void WriteValue(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, ProjectionScope scope, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                writer.WriteStartObject();
                WriteMembers(json, ref reader, scope, writer);
                writer.WriteEndObject();
                break;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var probe = reader;
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        // A scope names members of objects: plain elements (and nested arrays) stay as they are.
                        writer.WriteRawValue(Raw(json, ref reader), skipInputValidation: true);
                    }
                    else if (Keeps(ref probe, scope))
                    {
                        WriteValue(json, ref reader, scope, writer);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteRawValue(Raw(json, ref reader), skipInputValidation: true);
                break;
        }
    }

    // Reads ahead from the value the reader is on. Returns as soon as something is kept; when nothing is, the reader
    // is left at the value's end, so a caller can go on to the next value.
    private static bool Keeps(ref Utf8JsonReader reader, ProjectionScope scope)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var inner = scope.Member(Name(ref reader));
                    reader.Read();
                    if (inner is null)
                    {
                        reader.Skip();
                    }
                    else if (inner.KeepsEverything || Keeps(ref reader, inner))
                    {
                        return true;
                    }
                }

                return false;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject || Keeps(ref reader, scope))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return true;
        }
    }

    // The bytes of the value the reader is on, which is left at the value's end.
    private static ReadOnlySpan<byte> Raw(ReadOnlySpan<byte> json, ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return json[start..(int)reader.BytesConsumed];
    }

    private static ReadOnlySpan<byte> Name(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
}
