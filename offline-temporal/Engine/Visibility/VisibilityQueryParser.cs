using System.Globalization;

namespace Sykefravaer.OfflineTemporal.Engine.Visibility;

using Predicate = Func<Func<string, object?>, bool>;

/// <summary>Recursive-descent parser from visibility query tokens to a predicate over attribute lookups.</summary>
internal sealed class VisibilityQueryParser(List<Token> tokens)
{
    private readonly List<string> fields = [];
    private int position;

    private Token Current => tokens[position];

    public (Predicate Predicate, IReadOnlyList<string> Fields) ParseQuery()
    {
        Predicate predicate = Current.IsKeyword("ORDER") ? _ => true : ParseOr();
        if (Current.IsKeyword("ORDER"))
        {
            SkipOrderBy();
        }
        if (Current.Kind != TokenKind.End)
        {
            throw new FormatException($"Unexpected '{Current.Text}'");
        }
        return (predicate, fields);
    }

    private void SkipOrderBy()
    {
        position++;
        Expect("BY");
        do
        {
            ExpectKind(TokenKind.Identifier);
            if (Current.IsKeyword("ASC") || Current.IsKeyword("DESC"))
            {
                position++;
            }
        }
        while (TryTake(TokenKind.Comma));
    }

    private Predicate ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("OR"))
        {
            position++;
            var (a, b) = (left, ParseAnd());
            left = record => a(record) || b(record);
        }
        return left;
    }

    private Predicate ParseAnd()
    {
        var left = ParseUnary();
        while (Current.IsKeyword("AND"))
        {
            position++;
            var (a, b) = (left, ParseUnary());
            left = record => a(record) && b(record);
        }
        return left;
    }

    private Predicate ParseUnary()
    {
        if (Current.IsKeyword("NOT"))
        {
            position++;
            var inner = ParseUnary();
            return record => !inner(record);
        }
        if (TryTake(TokenKind.OpenParen))
        {
            var inner = ParseOr();
            ExpectKind(TokenKind.CloseParen);
            return inner;
        }
        return ParseComparison();
    }

    private Predicate ParseComparison()
    {
        var field = ExpectKind(TokenKind.Identifier).Text;
        fields.Add(field);
        if (Current.Kind == TokenKind.Operator)
        {
            var op = tokens[position++].Text;
            var literal = ParseLiteral();
            return record => VisibilityValues.Compare(record(field), op, literal);
        }
        var negated = false;
        if (Current.IsKeyword("NOT"))
        {
            negated = true;
            position++;
        }
        if (Current.IsKeyword("IN"))
        {
            position++;
            ExpectKind(TokenKind.OpenParen);
            var literals = new List<object> { ParseLiteral() };
            while (TryTake(TokenKind.Comma))
            {
                literals.Add(ParseLiteral());
            }
            ExpectKind(TokenKind.CloseParen);
            return record => negated != literals.Any(literal => VisibilityValues.Compare(record(field), "=", literal));
        }
        if (Current.IsKeyword("BETWEEN"))
        {
            position++;
            var low = ParseLiteral();
            Expect("AND");
            var high = ParseLiteral();
            return record => negated != (VisibilityValues.Compare(record(field), ">=", low) && VisibilityValues.Compare(record(field), "<=", high));
        }
        if (Current.IsKeyword("STARTS_WITH") && !negated)
        {
            position++;
            var prefix = ParseLiteral() as string ?? throw new FormatException("STARTS_WITH needs a string");
            return record => record(field) is string text && text.StartsWith(prefix, StringComparison.Ordinal);
        }
        if (Current.IsKeyword("IS") && !negated)
        {
            position++;
            var isNot = false;
            if (Current.IsKeyword("NOT"))
            {
                isNot = true;
                position++;
            }
            Expect("NULL");
            return record => isNot != (record(field) is null);
        }
        throw new FormatException($"Unsupported condition on {field} at '{Current.Text}'");
    }

    private object ParseLiteral()
    {
        var token = tokens[position++];
        return token.Kind switch
        {
            TokenKind.String => token.Text,
            TokenKind.Number => double.Parse(token.Text, CultureInfo.InvariantCulture),
            TokenKind.Identifier when token.IsKeyword("TRUE") => true,
            TokenKind.Identifier when token.IsKeyword("FALSE") => false,
            _ => throw new FormatException($"Expected a value, found '{token.Text}'"),
        };
    }

    private void Expect(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            throw new FormatException($"Expected {keyword}, found '{Current.Text}'");
        }
        position++;
    }

    private Token ExpectKind(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            throw new FormatException($"Expected {kind}, found '{Current.Text}'");
        }
        return tokens[position++];
    }

    private bool TryTake(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }
        position++;
        return true;
    }
}
