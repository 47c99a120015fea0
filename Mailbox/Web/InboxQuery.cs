using System;
using System.Linq;

namespace TypedMail.Mailbox.Web;

/// <summary>
/// A search of the inbox (<c>GET /api/messages?q=TEXT</c>): every word must appear, without regard to case, in the
/// message's From, To, Cc (headers or envelope), subject, or text or HTML body.
/// </summary>
internal sealed class InboxQuery
{
    private readonly string[] _words;

    private InboxQuery(string[] words) => _words = words;

    /// <summary>The query for <paramref name="text"/>; null when it holds no word (then everything matches).</summary>
    public static InboxQuery? Parse(string? text)
    {
        var words = (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 0 ? null : new InboxQuery(words);
    }

    public bool Matches(InboxEntry entry)
    {
        // The row's fields and the envelope first: a message is parsed only when a word is not found in them.
        string[] listed = [entry.Row.From, string.Join(" ", entry.Row.To), entry.Row.Subject, entry.MailFrom, string.Join(" ", entry.Recipients)];
        var rest = _words.Where(word => !listed.Any(field => Contains(field, word))).ToArray();
        if (rest.Length == 0)
        {
            return true;
        }

        var message = entry.Document.Message;
        var cc = message.Cc.ToString();
        string? text = null;
        string? html = null;
        return rest.All(word =>
            Contains(cc, word)
            || Contains(text ??= message.TextBody ?? string.Empty, word)
            || Contains(html ??= message.HtmlBody ?? string.Empty, word));
    }

    private static bool Contains(string field, string word) => field.Contains(word, StringComparison.OrdinalIgnoreCase);
}
