using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypedMail.Definitions.Model;

namespace TypedMail.Definitions;

/// <summary>
/// The deliverability settings of a message class: the one-click unsubscribe link and address of <c>[MailMessage]</c>
/// (TM0023 when the link's literal start is not https), and <c>[HtmlBody(TextAlternative = false)]</c>.
/// </summary>
internal static class DeliverabilityReader
{
    public static TemplateSpec? Link(AttributeData message, List<Problem> problems)
    {
        var text = Attributes.NamedString(message, "Unsubscribe");
        if (text is null)
        {
            return null;
        }

        var slot = new AttributeSlot("MailMessage", 0, "Unsubscribe");
        if (NotHttps(text) is { } reason)
        {
            problems.Add(Problem.Create(ProblemKind.InsecureUnsubscribe, ProblemSite.OfArgument(slot), text, reason));
        }

        return new TemplateSpec(slot, "unsubscribe link", null, text, EquatableArray<TypedMail.Definitions.TemplateBinding.RenderStep>.Empty);
    }

    public static TemplateSpec? Mailto(AttributeData message)
    {
        var text = Attributes.NamedString(message, "UnsubscribeMailto");
        return text is null ? null : new TemplateSpec(new AttributeSlot("MailMessage", 0, "UnsubscribeMailto"), "unsubscribe address", null, text, EquatableArray<TypedMail.Definitions.TemplateBinding.RenderStep>.Empty);
    }

    public static bool TextAlternative(IEnumerable<AttributeData> attributes)
    {
        var html = attributes.FirstOrDefault(a => Attributes.Is(a, "HtmlBody"));
        var named = html?.NamedArguments.FirstOrDefault(a => a.Key == "TextAlternative").Value;
        return named?.Value is not false;
    }

    /// <summary>
    /// Why the link's literal start cannot be a one-click link, or null. A link that starts with a placeholder is
    /// judged at run time (<c>ListUnsubscribe.Link</c>).
    /// </summary>
    public static string? NotHttps(string template)
    {
        var literal = template.TrimStart();
        var placeholder = literal.IndexOf("{{", StringComparison.Ordinal);
        if (placeholder == 0)
        {
            return null;
        }

        var colon = literal.IndexOf(':');
        if (colon <= 0 || (placeholder > 0 && colon > placeholder))
        {
            return placeholder > 0 ? null : "it is not an absolute link: write https://…";
        }

        var scheme = literal.Substring(0, colon);
        if (string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return string.Equals(scheme, "mailto", StringComparison.OrdinalIgnoreCase)
            ? "a mailto: address goes in UnsubscribeMailto; one-click needs an https link"
            : $"its scheme is {scheme}: RFC 8058 one-click unsubscribe needs https";
    }
}
