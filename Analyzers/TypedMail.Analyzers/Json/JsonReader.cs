using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace TypedMail.Analyzers.Json;

/// <summary>
/// Reads JSON as the configuration binder's JSON provider does (comments <c>//</c> and <c>/* */</c>, trailing commas),
/// keeping every key's and value's span. Dependency-free (the analyzers run on netstandard2.0 in the compiler); never
/// throws on bad input: it returns a <see cref="JsonError"/> naming what is wrong and where.
/// </summary>
internal sealed class JsonReader
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _position;

    private JsonReader(string text) => _text = text;

    /// <summary>Reads <paramref name="text"/>: the root value, or the first error.</summary>
    public static (JsonNode? Root, JsonError? Error) Read(string text)
    {
        var reader = new JsonReader(text);
        try
        {
            reader.SkipTrivia();
            var root = reader.ReadValue(0);
            reader.SkipTrivia();
            if (reader._position < text.Length)
            {
                reader.Fail("unexpected text after the JSON value");
            }

            return (root, null);
        }
        catch (JsonReadException e)
        {
            return (null, e.Error);
        }
    }

    private JsonNode ReadValue(int depth)
    {
        if (depth > MaxDepth)
        {
            Fail($"nested deeper than {MaxDepth} levels");
        }

        if (_position >= _text.Length)
        {
            Fail("expected a value, found the end of the file");
        }

        var start = _position;
        switch (_text[_position])
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                var value = ReadString();
                return JsonNode.Scalar(JsonKind.String, TextSpan.FromBounds(start, _position), value);
            case 't':
                return ReadLiteral("true", JsonKind.True);
            case 'f':
                return ReadLiteral("false", JsonKind.False);
            case 'n':
                return ReadLiteral("null", JsonKind.Null);
            default:
                return ReadNumber();
        }
    }

    private JsonNode ReadObject(int depth)
    {
        var start = _position++;
        var members = new List<JsonMember>();
        while (true)
        {
            SkipTrivia();
            if (Peek() == '}')
            {
                _position++;
                return JsonNode.Object(TextSpan.FromBounds(start, _position), members);
            }

            if (Peek() != '"')
            {
                Fail(_position >= _text.Length ? "the object is not closed ('}' expected)" : "expected a quoted key or '}'");
            }

            var keyStart = _position;
            var key = ReadString();
            var keySpan = TextSpan.FromBounds(keyStart, _position);
            SkipTrivia();
            if (Peek() != ':')
            {
                Fail($"expected ':' after the key \"{key}\"");
            }

            _position++;
            SkipTrivia();
            members.Add(new JsonMember(key, keySpan, ReadValue(depth + 1)));
            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;   // a trailing comma before '}' is allowed, as the configuration binder allows it
            }
            else if (_position >= _text.Length)
            {
                Fail("the object is not closed ('}' expected)");
            }
            else if (Peek() != '}')
            {
                Fail($"expected ',' or '}}' after the value of \"{key}\"");
            }
        }
    }

    private JsonNode ReadArray(int depth)
    {
        var start = _position++;
        while (true)
        {
            SkipTrivia();
            if (Peek() == ']')
            {
                _position++;
                return JsonNode.Array(TextSpan.FromBounds(start, _position));
            }

            if (_position >= _text.Length)
            {
                Fail("the array is not closed (']' expected)");
            }

            ReadValue(depth + 1);
            SkipTrivia();
            if (Peek() == ',')
            {
                _position++;
            }
            else if (_position >= _text.Length)
            {
                Fail("the array is not closed (']' expected)");
            }
            else if (Peek() != ']')
            {
                Fail("expected ',' or ']' in the array");
            }
        }
    }

    private string ReadString()
    {
        _position++;   // the opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length || _text[_position] is '\r' or '\n')
            {
                Fail("the string is not closed ('\"' expected)");
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                Fail("the string is not closed ('\"' expected)");
            }

            var escape = _text[_position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when _position + 4 <= _text.Length
                    && int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    _position--;
                    Fail($"'\\{escape}' is not a JSON escape");
                    break;
            }
        }
    }

    private JsonNode ReadLiteral(string literal, JsonKind kind)
    {
        var start = _position;
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            Fail($"unexpected character '{_text[_position]}'");
        }

        _position += literal.Length;
        return JsonNode.Scalar(kind, TextSpan.FromBounds(start, _position), kind == JsonKind.Null ? null : literal);
    }

    private JsonNode ReadNumber()
    {
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        var digits = Digits();
        if (digits == 0)
        {
            _position = start;
            Fail($"unexpected character '{_text[_position]}'");
        }

        if (Peek() == '.')
        {
            _position++;
            if (Digits() == 0)
            {
                Fail("expected a digit after '.'");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (Digits() == 0)
            {
                Fail("expected a digit in the exponent");
            }
        }

        return JsonNode.Scalar(JsonKind.Number, TextSpan.FromBounds(start, _position), _text.Substring(start, _position - start));
    }

    private int Digits()
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] is >= '0' and <= '9')
        {
            _position++;
        }

        return _position - start;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    /// <summary>Skips white space and comments (<c>//</c> to the end of the line, <c>/* … */</c>).</summary>
    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] is not '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, System.StringComparison.Ordinal);
                if (end < 0)
                {
                    Fail("the comment is not closed ('*/' expected)");
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private void Fail(string message) =>
        throw new JsonReadException(new JsonError(message, new TextSpan(System.Math.Min(_position, _text.Length), _position < _text.Length ? 1 : 0)));

    private sealed class JsonReadException(JsonError error) : System.Exception(error.Message)
    {
        public JsonError Error { get; } = error;
    }
}
