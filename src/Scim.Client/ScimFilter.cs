using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Scim.Client;

/// <summary>
/// A SCIM filter expression (RFC 7644 §3.4.2.2) built from checked attribute paths and encoded values, for the
/// <c>filter</c> argument of <see cref="IScimClient.ListUsersAsync"/>, <see cref="IScimClient.ListAllUsersAsync"/>,
/// <see cref="SearchRequest.Filter"/> and the group equivalents. It converts to its text implicitly, so it can be passed
/// wherever a filter string is taken:
/// <code>
/// var filter = ScimFilter.Eq("userName", input) &amp; ScimFilter.ValuePath("emails", ScimFilter.Eq("type", "work"));
/// // userName eq "..." and emails[type eq "work"]
/// </code>
/// Values are never spliced in as typed: strings are JSON strings (quotes, backslashes and control characters
/// escaped), numbers JSON numbers, booleans <c>true</c>/<c>false</c>, and dates RFC 3339 strings in UTC. Attribute
/// paths follow <c>attrPath = [URI ":"] ATTRNAME *1subAttr</c>, e.g. <c>userName</c>, <c>name.givenName</c>,
/// <c>members.$ref</c> or <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>; anything
/// else is an <see cref="ArgumentException"/>. <c>and</c> binds tighter than <c>or</c> (RFC 7644 §3.4.2.2), and
/// <see cref="And"/> puts parentheses around <c>or</c> operands so that the text means what the calls say.
/// </summary>
public sealed partial class ScimFilter
{
    private readonly string _text;
    private readonly Binding _binding;
    private readonly bool _hasValuePath;

    private ScimFilter(string text, Binding binding, bool hasValuePath)
    {
        _text = text;
        _binding = binding;
        _hasValuePath = hasValuePath;
    }

    // How tightly the expression holds together, loosest first: an operand that binds more loosely than the
    // operator it goes into needs parentheses.
    private enum Binding
    {
        Or,
        And,
        Whole,
    }

    /// <summary><c>attributePath eq "value"</c>: equal; case-insensitively unless the attribute is caseExact.</summary>
    /// <param name="attributePath">The attribute path, e.g. <c>userName</c> or <c>name.familyName</c>.</param>
    /// <param name="value">The value; a JSON string in the filter text.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public static ScimFilter Eq(string attributePath, string value) => Compare(attributePath, "eq", Json(value));

    /// <summary><c>attributePath eq true</c> or <c>false</c>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Eq(string attributePath, bool value) => Compare(attributePath, "eq", Json(value));

    /// <summary><c>attributePath eq 42</c>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Eq(string attributePath, long value) => Compare(attributePath, "eq", Json(value));

    /// <summary><c>attributePath eq 4.2</c>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Eq(string attributePath, decimal value) => Compare(attributePath, "eq", Json(value));

    /// <summary><c>attributePath eq 4.2</c>.</summary>
    /// <param name="attributePath">The attribute path, e.g. <c>userName</c> or <c>name.familyName</c>.</param>
    /// <param name="value">The value; a JSON number in the filter text (shortest form that reads back the same).</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="attributePath"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite, which JSON cannot write.</exception>
    public static ScimFilter Eq(string attributePath, double value) => Compare(attributePath, "eq", Json(value));

    /// <summary><c>attributePath eq "2011-05-13T04:42:34Z"</c>: the instant, written in UTC (RFC 3339).</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Eq(string attributePath, DateTimeOffset value) => Compare(attributePath, "eq", Json(value));

    /// <summary><c>attributePath ne "value"</c>: not equal (also true where the attribute has no value).</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Ne(string attributePath, string value) => Compare(attributePath, "ne", Json(value));

    /// <summary><c>attributePath ne true</c> or <c>false</c>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Ne(string attributePath, bool value) => Compare(attributePath, "ne", Json(value));

    /// <summary><c>attributePath ne 42</c>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Ne(string attributePath, long value) => Compare(attributePath, "ne", Json(value));

    /// <summary><c>attributePath ne 4.2</c>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Ne(string attributePath, decimal value) => Compare(attributePath, "ne", Json(value));

    /// <summary><c>attributePath ne 4.2</c>.</summary>
    /// <inheritdoc cref="Eq(string, double)" path="/param|/returns|/exception"/>
    public static ScimFilter Ne(string attributePath, double value) => Compare(attributePath, "ne", Json(value));

    /// <summary><c>attributePath ne "2011-05-13T04:42:34Z"</c>: the instant, written in UTC (RFC 3339).</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Ne(string attributePath, DateTimeOffset value) => Compare(attributePath, "ne", Json(value));

    /// <summary><c>attributePath co "value"</c>: the attribute's value contains <paramref name="value"/>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Co(string attributePath, string value) => Compare(attributePath, "co", Json(value));

    /// <summary><c>attributePath sw "value"</c>: the attribute's value starts with <paramref name="value"/>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Sw(string attributePath, string value) => Compare(attributePath, "sw", Json(value));

    /// <summary><c>attributePath ew "value"</c>: the attribute's value ends with <paramref name="value"/>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Ew(string attributePath, string value) => Compare(attributePath, "ew", Json(value));

    /// <summary><c>attributePath gt "value"</c>: greater than, in the attribute's ordering (strings lexically).</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Gt(string attributePath, string value) => Compare(attributePath, "gt", Json(value));

    /// <summary><c>attributePath gt 42</c>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Gt(string attributePath, long value) => Compare(attributePath, "gt", Json(value));

    /// <summary><c>attributePath gt 4.2</c>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Gt(string attributePath, decimal value) => Compare(attributePath, "gt", Json(value));

    /// <summary><c>attributePath gt 4.2</c>.</summary>
    /// <inheritdoc cref="Eq(string, double)" path="/param|/returns|/exception"/>
    public static ScimFilter Gt(string attributePath, double value) => Compare(attributePath, "gt", Json(value));

    /// <summary><c>attributePath gt "2011-05-13T04:42:34Z"</c>: later than the instant, written in UTC (RFC 3339).</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Gt(string attributePath, DateTimeOffset value) => Compare(attributePath, "gt", Json(value));

    /// <summary><c>attributePath ge "value"</c>: greater than or equal, in the attribute's ordering.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Ge(string attributePath, string value) => Compare(attributePath, "ge", Json(value));

    /// <summary><c>attributePath ge 42</c>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Ge(string attributePath, long value) => Compare(attributePath, "ge", Json(value));

    /// <summary><c>attributePath ge 4.2</c>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Ge(string attributePath, decimal value) => Compare(attributePath, "ge", Json(value));

    /// <summary><c>attributePath ge 4.2</c>.</summary>
    /// <inheritdoc cref="Eq(string, double)" path="/param|/returns|/exception"/>
    public static ScimFilter Ge(string attributePath, double value) => Compare(attributePath, "ge", Json(value));

    /// <summary><c>attributePath ge "2011-05-13T04:42:34Z"</c>: at or after the instant, written in UTC (RFC 3339).</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Ge(string attributePath, DateTimeOffset value) => Compare(attributePath, "ge", Json(value));

    /// <summary><c>attributePath lt "value"</c>: less than, in the attribute's ordering (strings lexically).</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Lt(string attributePath, string value) => Compare(attributePath, "lt", Json(value));

    /// <summary><c>attributePath lt 42</c>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Lt(string attributePath, long value) => Compare(attributePath, "lt", Json(value));

    /// <summary><c>attributePath lt 4.2</c>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Lt(string attributePath, decimal value) => Compare(attributePath, "lt", Json(value));

    /// <summary><c>attributePath lt 4.2</c>.</summary>
    /// <inheritdoc cref="Eq(string, double)" path="/param|/returns|/exception"/>
    public static ScimFilter Lt(string attributePath, double value) => Compare(attributePath, "lt", Json(value));

    /// <summary><c>attributePath lt "2011-05-13T04:42:34Z"</c>: earlier than the instant, written in UTC (RFC 3339).</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Lt(string attributePath, DateTimeOffset value) => Compare(attributePath, "lt", Json(value));

    /// <summary><c>attributePath le "value"</c>: less than or equal, in the attribute's ordering.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Le(string attributePath, string value) => Compare(attributePath, "le", Json(value));

    /// <summary><c>attributePath le 42</c>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Le(string attributePath, long value) => Compare(attributePath, "le", Json(value));

    /// <summary><c>attributePath le 4.2</c>.</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Le(string attributePath, decimal value) => Compare(attributePath, "le", Json(value));

    /// <summary><c>attributePath le 4.2</c>.</summary>
    /// <inheritdoc cref="Eq(string, double)" path="/param|/returns|/exception"/>
    public static ScimFilter Le(string attributePath, double value) => Compare(attributePath, "le", Json(value));

    /// <summary><c>attributePath le "2011-05-13T04:42:34Z"</c>: at or before the instant, written in UTC (RFC 3339).</summary>
    /// <inheritdoc cref="Eq(string, string)" path="/param|/returns|/exception"/>
    public static ScimFilter Le(string attributePath, DateTimeOffset value) => Compare(attributePath, "le", Json(value));

    /// <summary><c>attributePath pr</c>: the attribute has a value (not null, not empty).</summary>
    /// <param name="attributePath">The attribute path, e.g. <c>title</c> or <c>emails</c>.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="attributePath"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="attributePath"/> is not an attribute path.</exception>
    public static ScimFilter Pr(string attributePath) => new(Path(attributePath) + " pr", Binding.Whole, hasValuePath: false);

    /// <summary>
    /// <c>a and b and ...</c>: every filter matches. An operand that is an <c>or</c> is put in parentheses.
    /// </summary>
    /// <param name="filters">One or more filters; one is returned as it is.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filters"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="filters"/> is empty.</exception>
    public static ScimFilter And(params IEnumerable<ScimFilter> filters) => Join(filters, " and ", Binding.And);

    /// <summary><c>a or b or ...</c>: at least one filter matches.</summary>
    /// <inheritdoc cref="And" path="/param|/returns|/exception"/>
    public static ScimFilter Or(params IEnumerable<ScimFilter> filters) => Join(filters, " or ", Binding.Or);

    /// <summary><c>not (filter)</c>: the filter does not match.</summary>
    /// <param name="filter">The filter to negate.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
    public static ScimFilter Not(ScimFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new("not (" + filter._text + ")", Binding.Whole, filter._hasValuePath);
    }

    /// <summary>
    /// <c>attributePath[filter]</c> (RFC 7644 §3.4.2.2 <c>valuePath</c>): some value of a multi-valued complex attribute
    /// matches <paramref name="filter"/>, whose paths name its sub-attributes, e.g.
    /// <c>ValuePath("emails", Eq("type", "work") &amp; Co("value", "@example.com"))</c> is
    /// <c>emails[type eq "work" and value co "@example.com"]</c>: one work email at example.com.
    /// </summary>
    /// <param name="attributePath">The multi-valued attribute, e.g. <c>emails</c> or <c>members</c>.</param>
    /// <param name="filter">The filter each value is tested with; it cannot hold a value path itself.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="attributePath"/> is not an attribute path, or <paramref name="filter"/> holds a value path (the
    /// RFC grammar does not nest them).
    /// </exception>
    public static ScimFilter ValuePath(string attributePath, ScimFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter._hasValuePath)
        {
            throw new ArgumentException($"A value path cannot hold another value path (RFC 7644 §3.4.2.2 valFilter), but found '{filter._text}'.", nameof(filter));
        }

        return new(Path(attributePath) + "[" + filter._text + "]", Binding.Whole, hasValuePath: true);
    }

    /// <summary>The filter text, e.g. <c>userName eq "bjensen"</c>.</summary>
    /// <returns>The filter text.</returns>
    public override string ToString() => _text;

    /// <summary>The filter text, for the <c>filter</c> arguments that take a string; null for null.</summary>
    /// <param name="filter">The filter.</param>
    [return: NotNullIfNotNull(nameof(filter))]
    public static implicit operator string?(ScimFilter? filter) => filter?._text;

    /// <summary>Same as <see cref="And"/> of <paramref name="left"/> and <paramref name="right"/>.</summary>
    /// <param name="left">The first filter.</param>
    /// <param name="right">The second filter.</param>
    /// <returns>The filter.</returns>
    public static ScimFilter operator &(ScimFilter left, ScimFilter right) => And(left, right);

    /// <summary>Same as <see cref="Or"/> of <paramref name="left"/> and <paramref name="right"/>.</summary>
    /// <param name="left">The first filter.</param>
    /// <param name="right">The second filter.</param>
    /// <returns>The filter.</returns>
    public static ScimFilter operator |(ScimFilter left, ScimFilter right) => Or(left, right);

    /// <summary>Same as <see cref="Not"/>.</summary>
    /// <param name="filter">The filter to negate.</param>
    /// <returns>The filter.</returns>
    public static ScimFilter operator !(ScimFilter filter) => Not(filter);

    // attrPath = [URI ":"] ATTRNAME *1subAttr (RFC 7644 figure 1); ATTRNAME = ALPHA *(nameChar), or "$ref" (RFC 7643
    // §2.1). The URN part allows what schema URNs use (RFC 7643 §3, e.g. ...:extension:enterprise:2.0:User).
    [GeneratedRegex(@"^(?:(?i:urn)(?::[A-Za-z0-9._-]+){2,}:)?(?:[A-Za-z][A-Za-z0-9_-]*|\$ref)(?:\.(?:[A-Za-z][A-Za-z0-9_-]*|\$ref))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributePath();

    private static string Path(string attributePath)
    {
        ArgumentNullException.ThrowIfNull(attributePath);
        if (!AttributePath().IsMatch(attributePath))
        {
            throw new ArgumentException(
                $"'{attributePath}' is not a SCIM attribute path (RFC 7644 §3.4.2.2: [schema URN \":\"] name [\".\" sub-attribute], e.g. name.givenName).",
                nameof(attributePath));
        }

        return attributePath;
    }

    private static ScimFilter Compare(string attributePath, string op, string value) =>
        new(Path(attributePath) + " " + op + " " + value, Binding.Whole, hasValuePath: false);

    private static ScimFilter Join(IEnumerable<ScimFilter> filters, string separator, Binding binding)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var operands = filters.ToList();
        if (operands.Count == 0)
        {
            throw new ArgumentException("At least one filter is needed.", nameof(filters));
        }

        if (operands.Count == 1)
        {
            return operands[0] ?? throw new ArgumentNullException(nameof(filters));
        }

        var texts = operands.Select(f => f is null
            ? throw new ArgumentNullException(nameof(filters))
            : f._binding < binding ? "(" + f._text + ")" : f._text);
        return new(string.Join(separator, texts), binding, operands.Any(f => f._hasValuePath));
    }

    // JSON strings (RFC 8259 §7): quotes, backslashes and control characters escaped. The relaxed encoder leaves other
    // characters as they are; the escaping it skips (<, >, &, ') only matters when JSON is embedded in HTML.
    private static string Json(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
    }

    private static string Json(bool value) => value ? "true" : "false";

    private static string Json(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Json(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Json(double value) => double.IsFinite(value)
        ? value.ToString("R", CultureInfo.InvariantCulture)
        : throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no NaN or infinite numbers.");

    private static string Json(DateTimeOffset value) =>
        "\"" + value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) + "\"";
}
