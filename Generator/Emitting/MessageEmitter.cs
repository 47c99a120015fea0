using System.Collections.Generic;
using System.Linq;
using TypedMail.Definitions.Model;

namespace TypedMail.Generator.Emitting;

/// <summary>Writes the generated half of one <c>[MailMessage]</c> class.</summary>
internal static class MessageEmitter
{
    public static string HintName(MessageSpec spec) => spec.Type.HintStem + ".TypedMail.g.cs";

    public static string Emit(MessageSpec spec)
    {
        var w = new SourceWriter();
        var open = CSharp.OpenType(w, spec.Type, " : global::TypedMail.ITypedMailMessage", spec.Members.Any(m => m.IsObsolete));
        BuilderEmitter.Write(w, spec);
        WriteConversions(w, spec);
        WriteSendAsync(w, spec);
        WriteParts(w, spec);
        WriteRendering(w, spec);
        CSharp.CloseAll(w, open);
        return w.Finish();
    }

    private static IEnumerable<MemberSpec> Recipients(MessageSpec spec, MemberRole role) => spec.Members.Where(m => m.Role == role);

    private static IEnumerable<MemberSpec> Attachments(MessageSpec spec) => spec.Members.Where(m => m.Attachment is not null);

    /// <summary>
    /// Both renderings come from one description of the message's parts (<c>global::TypedMail.MessageParts</c>): the
    /// runtime turns it into the wire message and into the message reference, so the generated code says each part once.
    /// </summary>
    private static void WriteConversions(SourceWriter w, MessageSpec spec)
    {
        var @new = BuilderEmitter.New(spec);
        w.Line("/// <inheritdoc/>")
         .Line(CSharp.GeneratedCode)
         .Line($"public {@new}global::MimeKit.MimeMessage ToMimeMessage() => TypedMailParts().ToMimeMessage();")
         .Line()
         .Line("/// <inheritdoc/>")
         .Line(CSharp.GeneratedCode)
         .Line($"public {@new}global::TypedMail.SmtpMessage ToSmtpMessage() => TypedMailParts().ToSmtpMessage();")
         .Line();
    }

    private static void WriteParts(SourceWriter w, MessageSpec spec)
    {
        var c = spec.Constants;
        var constants = new[] { ("from", c.From), ("sender", c.Sender), ("replyTo", c.ReplyTo), ("to", c.To), ("cc", c.Cc), ("bcc", c.Bcc) }
            .Where(p => p.Item2 is not null && (p.Item1 == "sender" || !string.IsNullOrWhiteSpace(p.Item2)))
            .Select(p => $"{p.Item1}: {CSharp.Literal(p.Item2)}");
        var calls = new List<string>();
        foreach (var (role, method) in new[] { (MemberRole.ReplyTo, "ReplyTo"), (MemberRole.To, "To"), (MemberRole.Cc, "Cc"), (MemberRole.Bcc, "Bcc") })
        {
            calls.AddRange(Recipients(spec, role).Select(m => $".{method}(this.{CSharp.Id(m.Name)})"));
        }

        if (spec.Subject is not null)
        {
            calls.Add($".Subject({TemplateEmitter.Call("TypedMailSubject", spec.Subject)})");
        }

        for (var i = 0; i < spec.Headers.Count; i++)
        {
            calls.Add($".Header({CSharp.Literal(spec.Headers[i].Name)}, {TemplateEmitter.Call("TypedMailHeader" + i, spec.Headers[i].Value)})");
        }

        if (spec.TextBody is not null)
        {
            calls.Add($".TextBody({TemplateEmitter.Call("TypedMailTextBody", spec.TextBody)})");
        }

        if (spec.HtmlBody is not null)
        {
            calls.Add($".HtmlBody({TemplateEmitter.Call("TypedMailHtmlBody", spec.HtmlBody)})");
        }

        calls.AddRange(DeliverabilityEmitter.PartsCalls(spec));
        foreach (var member in Attachments(spec))
        {
            var a = member.Attachment!;
            var value = "this." + CSharp.Id(member.Name);
            var tail = $"{CSharp.Literal(a.ContentType)}, {CSharp.Literal(a.ContentId)})";
            calls.Add(a.Kind switch
            {
                AttachmentKind.Bytes or AttachmentKind.Stream => $".Attach({value}, {CSharp.Literal(a.FileName ?? member.Name)}, {tail}",
                _ => $".AttachFile({value}, {CSharp.Literal(a.FileName)}, {tail}",
            });
        }

        w.Line(CSharp.GeneratedCode)
         .Line($"private global::TypedMail.MessageParts TypedMailParts() => new global::TypedMail.MessageParts({string.Join(", ", constants)})" + (calls.Count == 0 ? ";" : string.Empty));
        for (var i = 0; i < calls.Count; i++)
        {
            w.Line("    " + calls[i] + (i == calls.Count - 1 ? ";" : string.Empty));
        }

        w.Line();
    }

    private static void WriteSendAsync(SourceWriter w, MessageSpec spec)
    {
        w.Line("/// <summary>Sends this message through <paramref name=\"sender\"/> (an <c>SmtpSender</c>, or a test double); code 0 when every recipient accepted it.</summary>")
         .Line(CSharp.GeneratedCode)
         .Line($"public {BuilderEmitter.New(spec)}global::System.Threading.Tasks.Task<global::TypedMail.SendResult> SendAsync(global::TypedMail.ISmtpSender sender, global::System.Threading.CancellationToken cancellationToken = default) =>")
         .Line("    global::TypedMail.TypedMessageSending.SendAsync(sender, this, cancellationToken);")
         .Line();
    }

    private static void WriteRendering(SourceWriter w, MessageSpec spec)
    {
        var templates = new List<(string Name, TemplateSpec Template)>();
        if (spec.Subject is not null)
        {
            templates.Add(("TypedMailSubject", spec.Subject));
        }

        if (spec.TextBody is not null)
        {
            templates.Add(("TypedMailTextBody", spec.TextBody));
        }

        if (spec.HtmlBody is not null)
        {
            templates.Add(("TypedMailHtmlBody", spec.HtmlBody));
        }

        for (var i = 0; i < spec.Headers.Count; i++)
        {
            templates.Add(("TypedMailHeader" + i, spec.Headers[i].Value));
        }

        var rendered = templates.Where(t => !TemplateEmitter.IsConstant(t.Template)).ToList();
        if (rendered.Any(t => TemplateEmitter.UsesFormat(t.Template.Steps)))
        {
            var culture = spec.Constants.Culture is { Length: > 0 } name
                ? $"global::System.Globalization.CultureInfo.GetCultureInfo({CSharp.Literal(name)})"
                : "global::System.Globalization.CultureInfo.InvariantCulture";
            w.Line(CSharp.GeneratedCode)
             .Line($"private static readonly global::System.IFormatProvider TypedMailFormat = {culture};")
             .Line();
        }

        foreach (var (name, template) in rendered)
        {
            TemplateEmitter.WriteMethod(w, name, template);
        }

        DeliverabilityEmitter.WriteRendering(w, spec);
    }
}
