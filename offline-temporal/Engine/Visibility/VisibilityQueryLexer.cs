using System.Globalization;
using System.Text;

namespace Sykefravaer.OfflineTemporal.Engine.Visibility;

internal enum TokenKind
{
    Identifier,
    String,
    Number,
    Operator,
    OpenParen,
    CloseParen,
    Comma,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text)
{
    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Splits a visibility query into tokens.</summary>
internal static class VisibilityQueryLexer
{
    public static List<Token> Tokenize(string query)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(new Token(TokenKind.String, ReadQuoted(query, ref i, c)));
            }
            else if (c == '`')
            {
                tokens.Add(new Token(TokenKind.Identifier, ReadQuoted(query, ref i, c)));
            }
            else if (c == '(')
            {
                tokens.Add(new Token(TokenKind.OpenParen, "("));
                i++;
            }
            else if (c == ')')
            {
                tokens.Add(new Token(TokenKind.CloseParen, ")"));
                i++;
            }
            else if (c == ',')
            {
                tokens.Add(new Token(TokenKind.Comma, ","));
                i++;
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var two = i + 1 < query.Length ? query.Substring(i, 2) : "";
                var op = two is "!=" or "<=" or ">=" or "<>" ? two : c.ToString();
                if (op == "!")
                {
                    throw new FormatException($"Unexpected '!' at position {i}");
                }
                tokens.Add(new Token(TokenKind.Operator, op));
                i += op.Length;
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < query.Length && char.IsDigit(query[i + 1])))
            {
                var start = i++;
                while (i < query.Length && (char.IsDigit(query[i]) || query[i] == '.'))
                {
                    i++;
                }
                var number = query[start..i];
                _ = double.Parse(number, CultureInfo.InvariantCulture);
                tokens.Add(new Token(TokenKind.Number, number));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < query.Length && (char.IsLetterOrDigit(query[i]) || query[i] is '_' or '.'))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Identifier, query[start..i]));
            }
            else
            {
                throw new FormatException($"Unexpected character '{c}' at position {i}");
            }
        }
        tokens.Add(new Token(TokenKind.End, ""));
        return tokens;
    }

    private static string ReadQuoted(string query, ref int i, char quote)
    {
        var text = new StringBuilder();
        i++;
        while (i < query.Length)
        {
            var c = query[i++];
            if (c == '\\' && i < query.Length)
            {
                text.Append(query[i++]);
            }
            else if (c == quote)
            {
                return text.ToString();
            }
            else
            {
                text.Append(c);
            }
        }
        throw new FormatException("Unterminated quoted text");
    }
}
