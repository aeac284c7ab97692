using System.Globalization;
using System.Linq.Expressions;
using Scim.Filtering.Ast;

namespace Scim.Filtering.Translation;

/// <summary>
/// A dateTime attribute (RFC 7643 §2.3.5) stored as a UTC <see cref="DateTime"/>. The comparison value is an
/// RFC 3339 string such as <c>"2011-05-13T04:42:34Z"</c>; an offset is converted to UTC and a missing offset
/// means UTC. Allowed: <c>eq ne gt ge lt le pr</c>.
/// </summary>
internal sealed class DateTimeAttributeMapping(string path, LambdaExpression column) : ScalarAttributeMapping(path, column)
{
    private static readonly string[] Rfc3339Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd't'HH:mm:ssK",
        "yyyy-MM-dd't'HH:mm:ss.FFFFFFFK",
    ];

    /// <inheritdoc />
    protected override Expression CompareValue(Expression instance, ComparisonOperator op, Literal value)
    {
        if (op is ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew)
        {
            throw OperatorNotAllowed(op, "dateTime", "eq, ne, gt, ge, lt, le or pr");
        }

        if (value.Value is not string text)
        {
            throw ValueTypeMismatch(value, "dateTime", "an RFC 3339 date-time string");
        }

        if (!DateTimeOffset.TryParseExact(
                text.Replace('z', 'Z'),
                Rfc3339Formats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var instant))
        {
            throw Error($"The dateTime attribute '{Path}' must be compared with an RFC 3339 date-time such as \"2011-05-13T04:42:34Z\" but found {value}.");
        }

        var columnValue = Column(instance);
        return WhenNotNull(columnValue, Binary(op, columnValue, QueryParameter.Create(instant.UtcDateTime, columnValue.Type)));
    }
}
