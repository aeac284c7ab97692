using Scim.Filtering.Ast;
using Scim.Filtering.Lexing;

namespace Scim.Filtering.Parsing;

/// <summary>
/// Recursive-descent parser for the filter grammar of RFC 7644 §3.4.2.2 (figure 1) and the PATCH path grammar of
/// RFC 7644 §3.5.2. Precedence from loosest to tightest: <c>or</c>, <c>and</c>, <c>not</c>, then grouping and
/// attribute expressions; <c>and</c>/<c>or</c> chains associate to the left and are parsed by loops, so only
/// parentheses, <c>not</c> and brackets recurse, and their depth is capped by <see cref="ScimFilterParser.MaxDepth"/>.
/// </summary>
internal sealed class FilterParser
{
    private const string Operators = "a comparison operator (eq, ne, co, sw, ew, gt, ge, lt, le) or 'pr'";

    private readonly ScimFilterLexer _lexer;
    private readonly string _text;
    private readonly string _scimType;
    private Token _current;
    private int _depth;

    /// <summary>Prepares to parse <paramref name="text"/>; errors carry <paramref name="scimType"/>.</summary>
    public FilterParser(string text, string scimType)
    {
        _text = text;
        _scimType = scimType;
        if (text.Length > ScimFilterParser.MaxLength)
        {
            // A longer text is refused whichever way it came (a GET query string or a body), so the client is told to
            // make it shorter, not to send it another way.
            throw new ScimFilterException(
                scimType == ScimFilterException.InvalidFilter
                    ? $"A filter has at most {ScimFilterParser.MaxLength} characters but this one has {text.Length}; "
                        + "split it into several requests, each with fewer 'or' terms."
                    : $"A path has at most {ScimFilterParser.MaxLength} characters but this one has {text.Length}.",
                ScimFilterParser.MaxLength,
                scimType);
        }

        _lexer = new ScimFilterLexer(text, scimType);
        _current = _lexer.Next();
    }

    /// <summary><c>FILTER</c> followed by the end of input.</summary>
    public FilterNode ParseFilter()
    {
        var filter = ParseOr(insideValuePath: false);
        if (_current.Kind != TokenKind.EndOfInput)
        {
            throw Expected("'and', 'or' or end of filter");
        }

        return filter;
    }

    /// <summary><c>PATH = attrPath / valuePath [subAttr]</c> followed by the end of input.</summary>
    public PatchPath ParsePath()
    {
        var attribute = ParseAttributePath();
        if (_current.Kind != TokenKind.LeftBracket)
        {
            return _current.Kind == TokenKind.EndOfInput
                ? new PatchPath(attribute, null, null)
                : throw Expected(attribute.SubAttributeName is null ? "'[' or end of path" : "end of path");
        }

        EnsureNoSubAttributeBeforeBracket(attribute);
        var valueFilter = ParseValueFilter();
        string? subAttributeName = null;
        if (_current.Kind == TokenKind.Dot)
        {
            Advance();
            subAttributeName = ParseSubAttributeName("end of path");
        }

        if (_current.Kind != TokenKind.EndOfInput)
        {
            throw Expected(subAttributeName is null ? "'.' followed by a sub-attribute, or end of path" : "end of path");
        }

        return new PatchPath(attribute, valueFilter, subAttributeName);
    }

    /// <summary>
    /// <c>attrPath</c> as the whole text. An attrPath is a single token, so unlike filters and PATCH paths nothing
    /// may surround it, not even whitespace: a JSON member name <c>" userName"</c> is not the attribute <c>userName</c>.
    /// </summary>
    public AttributePath ParseAttributePathOnly()
    {
        var word = _current;
        if (word.Position > 0)
        {
            throw UnexpectedCharacter("an attribute path", 0);
        }

        var path = ParseAttributePath();
        var end = word.Position + word.Text.Length;
        return end == _text.Length ? path : throw UnexpectedCharacter("end of attribute path", end);
    }

    private FilterNode ParseOr(bool insideValuePath)
    {
        var left = ParseAnd(insideValuePath);
        while (_current.IsKeyword("or"))
        {
            Advance();
            left = new LogicalFilter(LogicalOperator.Or, left, ParseAnd(insideValuePath));
        }

        return left;
    }

    private FilterNode ParseAnd(bool insideValuePath)
    {
        var left = ParseUnary(insideValuePath);
        while (_current.IsKeyword("and"))
        {
            Advance();
            left = new LogicalFilter(LogicalOperator.And, left, ParseUnary(insideValuePath));
        }

        return left;
    }

    /// <summary><c>"not" "(" FILTER ")"</c>, <c>"(" FILTER ")"</c>, or an attribute expression.</summary>
    private FilterNode ParseUnary(bool insideValuePath)
    {
        if (_current.IsKeyword("not"))
        {
            Advance();
            if (_current.Kind != TokenKind.LeftParen)
            {
                // RFC 7644 figure 1 only allows "not" before a parenthesised filter.
                throw Expected("'(' after 'not'");
            }

            return new NotFilter(ParseGroup(insideValuePath));
        }

        return _current.Kind == TokenKind.LeftParen ? ParseGroup(insideValuePath) : ParseAttributeExpression(insideValuePath);
    }

    private FilterNode ParseGroup(bool insideValuePath)
    {
        Enter();
        var inner = ParseOr(insideValuePath);
        if (_current.Kind != TokenKind.RightParen)
        {
            throw Expected("'and', 'or' or ')'");
        }

        Leave();
        return inner;
    }

    /// <summary>
    /// <c>attrPath "pr"</c>, <c>attrPath compareOp compValue</c>, or <c>attrPath "[" valFilter "]"</c> optionally
    /// followed by Microsoft Entra's <c>"." subAttr ("pr" / compareOp compValue)</c>, which is joined to the
    /// bracket filter with <c>and</c> (see <see cref="ValuePathFilter"/>).
    /// </summary>
    private FilterNode ParseAttributeExpression(bool insideValuePath)
    {
        var path = ParseAttributePath();
        if (_current.Kind != TokenKind.LeftBracket)
        {
            return ParseOperation(path);
        }

        if (insideValuePath)
        {
            throw Expected(Operators + " (value filters cannot be nested)");
        }

        EnsureNoSubAttributeBeforeBracket(path);
        var filter = ParseValueFilter();
        if (_current.Kind == TokenKind.Dot)
        {
            Advance();
            var subAttribute = new AttributePath(null, ParseSubAttributeName(Operators), null);
            filter = new LogicalFilter(LogicalOperator.And, filter, ParseOperation(subAttribute));
        }

        return new ValuePathFilter(path, filter);
    }

    private FilterNode ParseOperation(AttributePath path)
    {
        var token = _current;
        if (token.IsKeyword("pr"))
        {
            Advance();
            if (IsComparisonValue(_current))
            {
                throw Expected("'and', 'or' or the end after 'pr', which takes no comparison value,");
            }

            return new PresentFilter(path);
        }

        if (token.Kind != TokenKind.Word || !Enum.TryParse<ComparisonOperator>(token.Text, ignoreCase: true, out var op)
            || !char.IsAsciiLetter(token.Text[0]))
        {
            throw Expected(Operators);
        }

        Advance();
        return new ComparisonFilter(path, op, ParseComparisonValue());
    }

    /// <summary><c>compValue = false / null / true / number / string</c> (RFC 7644 figure 1); keywords are case-insensitive.</summary>
    private Literal ParseComparisonValue()
    {
        var token = _current;
        Literal? literal = token.Kind switch
        {
            TokenKind.String => new Literal(LiteralKind.String, token.Value),
            TokenKind.Number => new Literal(LiteralKind.Number, token.Value),
            TokenKind.Word when token.IsKeyword("true") => new Literal(LiteralKind.Boolean, true),
            TokenKind.Word when token.IsKeyword("false") => new Literal(LiteralKind.Boolean, false),
            TokenKind.Word when token.IsKeyword("null") => new Literal(LiteralKind.Null, null),
            _ => null,
        };
        if (literal is null)
        {
            throw Expected("a comparison value (a JSON string, number, true, false or null)");
        }

        Advance();
        return literal;
    }

    private static bool IsComparisonValue(Token token) =>
        token.Kind is TokenKind.String or TokenKind.Number
        || token.IsKeyword("true") || token.IsKeyword("false") || token.IsKeyword("null");

    /// <summary><c>"[" valFilter "]"</c>; the current token is the <c>[</c>.</summary>
    private FilterNode ParseValueFilter()
    {
        Enter();
        var filter = ParseOr(insideValuePath: true);
        if (_current.Kind != TokenKind.RightBracket)
        {
            throw Expected("'and', 'or' or ']'");
        }

        Leave();
        return filter;
    }

    private AttributePath ParseAttributePath()
    {
        // "and"/"or" where a path belongs is a dangling operator such as "a pr and and b pr", never an attribute.
        if (_current.Kind != TokenKind.Word || _current.IsKeyword("and") || _current.IsKeyword("or"))
        {
            throw Expected("an attribute path");
        }

        var path = AttributePathSyntax.Parse(_current.Text, _current.Position, _scimType);
        Advance();
        return path;
    }

    private string ParseSubAttributeName(string expectedAfterName)
    {
        if (_current.Kind != TokenKind.Word)
        {
            throw Expected("a sub-attribute name after '.'");
        }

        var name = AttributePathSyntax.ParseName(_current.Text, _current.Position, _scimType, expectedAfterName);
        Advance();
        return name;
    }

    private void EnsureNoSubAttributeBeforeBracket(AttributePath path)
    {
        // valuePath filters the elements of a multi-valued attribute; "name.givenName[...]" has no elements to filter.
        if (path.SubAttributeName is not null)
        {
            throw Expected(Operators + " after a sub-attribute ('[' only follows a multi-valued attribute)");
        }
    }

    /// <summary>Consumes the opening token of a nested construct, refusing input nested deeper than the cap.</summary>
    private void Enter()
    {
        if (++_depth > ScimFilterParser.MaxDepth)
        {
            throw new ScimFilterException(
                $"Expected at most {ScimFilterParser.MaxDepth} nested parentheses or brackets but found more at position {_current.Position}.",
                _current.Position,
                _scimType);
        }

        Advance();
    }

    /// <summary>Consumes the closing token of a nested construct.</summary>
    private void Leave()
    {
        _depth--;
        Advance();
    }

    private void Advance() => _current = _lexer.Next();

    private ScimFilterException UnexpectedCharacter(string what, int position) =>
        new($"Expected {what} at position {position} but found '{_text[position]}'.", position, _scimType);

    private ScimFilterException Expected(string what) =>
        new($"Expected {what} at position {_current.Position} but found {_current.Describe()}.", _current.Position, _scimType);
}
