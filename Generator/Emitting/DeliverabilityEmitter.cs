using System.Collections.Generic;
using System.Linq;
using TypedMail.Definitions.Model;

namespace TypedMail.Generator.Emitting;

/// <summary>
/// Writes what makes a message arrive: the one-click unsubscribe headers (RFC 8058) from <c>[Unsubscribe]</c> or
/// <c>[MailMessage(Unsubscribe = ...)]</c>, and the plain-text alternative of an HTML-only body.
/// </summary>
internal static class DeliverabilityEmitter
{
    private const string Unsubscribe = "global::TypedMail.ListUnsubscribe";

    /// <summary>The calls on the message's parts: the unsubscribe link and address, and the text alternative's opt-out.</summary>
    public static IEnumerable<string> PartsCalls(MessageSpec spec)
    {
        if (HasUnsubscribe(spec))
        {
            yield return $".Unsubscribe(TypedMailUnsubscribe(), {Mailto(spec)})";
        }

        if (!spec.TextAlternative)
        {
            yield return ".TextAlternative(false)";
        }
    }

    /// <summary>The rendering methods: the link (a member's value, else the rendered template) and the address.</summary>
    public static void WriteRendering(SourceWriter w, MessageSpec spec)
    {
        if (!HasUnsubscribe(spec))
        {
            return;
        }

        var member = Member(spec);
        var template = spec.Unsubscribe is null ? null : $"{Unsubscribe}.Link(TypedMailUnsubscribeLink())";
        var link = (member, template) switch
        {
            (not null, not null) => $"this.{member.Name} ?? {template}",
            (not null, null) => $"this.{member.Name}",
            _ => template!,
        };
        w.Line(CSharp.GeneratedCode)
         .Line($"private global::System.Uri? TypedMailUnsubscribe() => {link};")
         .Line();
        if (spec.Unsubscribe is not null)
        {
            TemplateEmitter.WriteMethod(w, "TypedMailUnsubscribeLink", spec.Unsubscribe);
        }

        if (spec.UnsubscribeMailto is not null)
        {
            TemplateEmitter.WriteMethod(w, "TypedMailUnsubscribeMailto", spec.UnsubscribeMailto);
        }
    }

    private static bool HasUnsubscribe(MessageSpec spec) => spec.Unsubscribe is not null || Member(spec) is not null;

    private static MemberSpec? Member(MessageSpec spec) => spec.Members.FirstOrDefault(m => m.Role == MemberRole.Unsubscribe);

    private static string Mailto(MessageSpec spec) => spec.UnsubscribeMailto is null ? "null" : "TypedMailUnsubscribeMailto()";
}
