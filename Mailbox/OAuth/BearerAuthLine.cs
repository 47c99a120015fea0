using System;
using System.Buffers;
using System.Text;
using SmtpServer;

namespace TypedMail.Mailbox.OAuth;

/// <summary>
/// SmtpServer parses only AUTH PLAIN and LOGIN. An <c>AUTH XOAUTH2</c> or <c>AUTH OAUTHBEARER</c> line with its initial
/// response is handed to it as AUTH PLAIN with the account and the bearer token, and the session is marked so that
/// <see cref="AccountDirectory"/> checks the token, not a password.
/// </summary>
internal static class BearerAuthLine
{
    /// <summary>The session property holding the bearer mechanism of the AUTH line being executed.</summary>
    public const string MechanismKey = "TypedMail.Mailbox.BearerMechanism";

    private const int LongestLine = 16 * 1024;

    /// <summary>The AUTH PLAIN line replacing <paramref name="buffer"/>, when it is exactly one bearer AUTH line.</summary>
    public static bool TryRewrite(ReadOnlySequence<byte> buffer, ISessionContext context, out byte[] replacement)
    {
        replacement = Array.Empty<byte>();
        if (buffer.Length is < 8 or > LongestLine || !StartsWithAuth(buffer.FirstSpan))
        {
            return false;
        }

        var line = Encoding.ASCII.GetString(buffer.ToArray());
        if (!line.EndsWith("\r\n", StringComparison.Ordinal) || line.IndexOf('\n') != line.Length - 1)
        {
            return false;
        }

        var parts = line.TrimEnd('\r', '\n').Split(' ');
        if (parts.Length != 3 || !parts[0].Equals("AUTH", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var mechanism = parts[1].ToUpperInvariant();
        if (mechanism is not ("XOAUTH2" or "OAUTHBEARER") || !TryDecode(parts[2], out var response))
        {
            return false;
        }

        var (user, token) = mechanism == "XOAUTH2" ? ReadXOAuth2(response) : ReadOAuthBearer(response);
        if (user is null || token is null)
        {
            return false;
        }

        context.Properties[MechanismKey] = mechanism;
        var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0" + user + "\0" + token));
        replacement = Encoding.ASCII.GetBytes("AUTH PLAIN " + plain + "\r\n");
        return true;
    }

    private static bool StartsWithAuth(ReadOnlySpan<byte> start) =>
        start.Length >= 5 && (start[0] | 0x20) == 'a' && (start[1] | 0x20) == 'u' && (start[2] | 0x20) == 't' && (start[3] | 0x20) == 'h' && start[4] == ' ';

    private static bool TryDecode(string base64, out string text)
    {
        text = string.Empty;
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var written))
        {
            return false;
        }

        text = Encoding.UTF8.GetString(bytes, 0, written);
        return true;
    }

    // XOAUTH2: "user=" account ^A "auth=Bearer " token ^A ^A
    private static (string? User, string? Token) ReadXOAuth2(string response)
    {
        string? user = null;
        string? token = null;
        foreach (var field in response.Split('\u0001'))
        {
            if (field.StartsWith("user=", StringComparison.Ordinal))
            {
                user = field["user=".Length..];
            }
            else if (field.StartsWith("auth=Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                token = field["auth=Bearer ".Length..];
            }
        }

        return (user, token);
    }

    // OAUTHBEARER (RFC 7628): "n,a=" account "," ^A key=value ^A ... "auth=Bearer " token ^A ^A
    private static (string? User, string? Token) ReadOAuthBearer(string response)
    {
        var fields = response.Split('\u0001');
        string? user = null;
        foreach (var attribute in fields[0].Split(','))
        {
            if (attribute.StartsWith("a=", StringComparison.Ordinal))
            {
                user = attribute[2..].Replace("=2C", ",", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);
            }
        }

        string? token = null;
        foreach (var field in fields)
        {
            if (field.StartsWith("auth=Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                token = field["auth=Bearer ".Length..];
            }
        }

        return (user, token);
    }
}
