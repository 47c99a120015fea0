using System.Collections.Generic;
using System.Linq;
using TypedMail.Definitions.Model;

namespace TypedMail.Generator.Emitting;

/// <summary>Writes the generated half of one <c>[MailMessage]</c> class.</summary>
internal static class MessageEmitter
{
    private const string Rendering = "global::TypedMail.MessageRendering";

    public static string HintName(MessageSpec spec) => spec.Type.HintStem + ".TypedMail.g.cs";

    public static string Emit(MessageSpec spec)
    {
        var w = new SourceWriter();
        var open = CSharp.OpenType(w, spec.Type, " : global::TypedMail.ITypedMailMessage", spec.Members.Any(m => m.IsObsolete));
        BuilderEmitter.Write(w, spec);
        WriteToMimeMessage(w, spec);
        WriteToSmtpMessage(w, spec);
        WriteSendAsync(w, spec);
        WriteRendering(w, spec);
        CSharp.CloseAll(w, open);
        return w.ToString();
    }

    private static IEnumerable<MemberSpec> Recipients(MessageSpec spec, MemberRole role) => spec.Members.Where(m => m.Role == role);

    private static IEnumerable<MemberSpec> Attachments(MessageSpec spec) => spec.Members.Where(m => m.Attachment is not null);

    private static void WriteToMimeMessage(SourceWriter w, MessageSpec spec)
    {
        var c = spec.Constants;
        w.Line("/// <summary>")
         .Line("/// The message as it goes on the wire, rendered by straight-line code: placeholders formatted with the class's")
         .Line("/// culture (invariant unless <c>[MailMessage(Culture = ...)]</c>), HTML-encoded in the HTML body;")
         .Line("/// multipart/alternative for text + HTML, multipart/related for <c>cid:</c> parts, multipart/mixed for attachments.")
         .Line("/// Bcc recipients are not in it (they travel in the envelope only: send with <c>SendAsync</c> or <c>ToSmtpMessage()</c>).")
         .Line("/// </summary>")
         .Line("/// <exception cref=\"global::TypedMail.TypedMailException\">An address is invalid, or a value would put CR or LF into a header: refused (never folded), so no value can add a header.</exception>")
         .Line(CSharp.GeneratedCode)
         .Open($"public {BuilderEmitter.New(spec)}global::MimeKit.MimeMessage ToMimeMessage()")
         .Line("var message = new global::MimeKit.MimeMessage();");
        WriteConstantAddresses(w, "message.From", c.From);
        if (c.Sender is not null)
        {
            w.Line("var sender = new global::MimeKit.InternetAddressList();")
             .Line($"{Rendering}.AddAddresses(sender, {CSharp.Literal(c.Sender)}, \"Sender\");")
             .Line("message.Sender = global::System.Linq.Enumerable.FirstOrDefault(sender.Mailboxes);");
        }

        WriteConstantAddresses(w, "message.ReplyTo", c.ReplyTo);
        WriteConstantAddresses(w, "message.To", c.To);
        WriteConstantAddresses(w, "message.Cc", c.Cc);
        foreach (var (role, list) in new[] { (MemberRole.ReplyTo, "message.ReplyTo"), (MemberRole.To, "message.To"), (MemberRole.Cc, "message.Cc") })
        {
            foreach (var member in Recipients(spec, role))
            {
                WriteMimeRecipient(w, member, list);
            }
        }

        if (spec.Subject is not null)
        {
            w.Line($"message.Subject = {Rendering}.HeaderValue(TypedMailSubject(), \"Subject\");");
        }

        for (var i = 0; i < spec.Headers.Count; i++)
        {
            var name = CSharp.Literal(spec.Headers[i].Name);
            w.Line($"message.Headers.Add({name}, {Rendering}.HeaderValue(TypedMailHeader{i}(), {name}));");
        }

        w.Line("var body = new global::MimeKit.BodyBuilder();");
        if (spec.TextBody is not null)
        {
            w.Line("body.TextBody = TypedMailTextBody();");
        }

        if (spec.HtmlBody is not null)
        {
            w.Line("body.HtmlBody = TypedMailHtmlBody();");
        }

        if (Attachments(spec).Any())
        {
            w.Open("foreach (var attachment in TypedMailAttachments())")
             .Line(spec.HtmlBody is null
                 ? "var parts = body.Attachments;"
                 : "var parts = attachment.ContentId == null ? body.Attachments : body.LinkedResources;")
             .Line("var part = attachment.ContentType == null")
             .Line("    ? parts.Add(attachment.FileName, attachment.Content)")
             .Line("    : parts.Add(attachment.FileName, attachment.Content, global::MimeKit.ContentType.Parse(attachment.ContentType));")
             .Open("if (attachment.ContentId != null)")
             .Line("part.ContentId = attachment.ContentId;")
             .Close()
             .Close();
        }

        w.Line("message.Body = body.ToMessageBody();")
         .Line("return message;")
         .Close()
         .Line();
    }

    private static string Field(string list) => list switch
    {
        "message.ReplyTo" => "Reply-To",
        _ => list.Substring("message.".Length),
    };

    private static void WriteConstantAddresses(SourceWriter w, string list, string? constant)
    {
        if (!string.IsNullOrWhiteSpace(constant))
        {
            w.Line($"{Rendering}.AddAddresses({list}, {CSharp.Literal(constant)}, {CSharp.Literal(Field(list))});");
        }
    }

    private static void WriteMimeRecipient(SourceWriter w, MemberSpec member, string list)
    {
        switch (member.Address)
        {
            case AddressKind.List:
                w.Line($"{Rendering}.AddAddresses({list}, this.{CSharp.Id(member.Name)}, {CSharp.Literal(Field(list))});");
                break;
            case AddressKind.Lists:
                w.Open($"foreach (var item in this.{CSharp.Id(member.Name)} ?? global::System.Linq.Enumerable.Empty<string>())")
                 .Line($"{Rendering}.AddAddresses({list}, item, {CSharp.Literal(Field(list))});")
                 .Close();
                break;
            case AddressKind.Address:
                w.Open($"if (this.{CSharp.Id(member.Name)} != null)")
                 .Line($"{list}.Add(this.{CSharp.Id(member.Name)});")
                 .Close();
                break;
            case AddressKind.Addresses:
                w.Open($"if (this.{CSharp.Id(member.Name)} != null)")
                 .Open($"foreach (var item in this.{CSharp.Id(member.Name)})")
                 .Open("if (item != null)")
                 .Line($"{list}.Add(item);")
                 .Close()
                 .Close()
                 .Close();
                break;
        }
    }

    private static void WriteToSmtpMessage(SourceWriter w, MessageSpec spec)
    {
        var c = spec.Constants;
        w.Line("/// <summary>")
         .Line("/// The runtime's message reference holding this message (Bcc included, envelope-only), for <c>SmtpSender</c> and")
         .Line("/// the 4D-style API. The caller owns it and disposes it.")
         .Line("/// </summary>")
         .Line("/// <exception cref=\"global::TypedMail.TypedMailException\">An address is invalid, or a value would put CR or LF into a header.</exception>")
         .Line(CSharp.GeneratedCode)
         .Open($"public {BuilderEmitter.New(spec)}global::TypedMail.SmtpMessage ToSmtpMessage()")
         .Line("var message = new global::TypedMail.SmtpMessage();")
         .Open("try");
        foreach (var (method, constant) in new[] { ("SetFrom", c.From), ("SetSender", c.Sender), ("SetReplyTo", c.ReplyTo), ("SetTo", c.To), ("SetCc", c.Cc), ("SetBcc", c.Bcc) })
        {
            if (!string.IsNullOrWhiteSpace(constant))
            {
                w.Line($"message.{method}({CSharp.Literal(constant)});");
            }
        }

        foreach (var (role, method) in new[] { (MemberRole.ReplyTo, "SetReplyTo"), (MemberRole.To, "SetTo"), (MemberRole.Cc, "SetCc"), (MemberRole.Bcc, "SetBcc") })
        {
            foreach (var member in Recipients(spec, role))
            {
                WriteSmtpRecipient(w, member, method);
            }
        }

        if (spec.Subject is not null)
        {
            w.Line($"message.SetSubject({Rendering}.HeaderValue(TypedMailSubject(), \"Subject\"), global::TypedMail.TextOption.Replace);");
        }

        if (spec.TextBody is not null)
        {
            w.Line("message.SetBody(TypedMailTextBody(), global::TypedMail.BodyOption.Replace);");
        }

        if (spec.HtmlBody is not null)
        {
            w.Line("message.SetBody(TypedMailHtmlBody(), global::TypedMail.BodyOption.Replace, html: true);");
        }

        for (var i = 0; i < spec.Headers.Count; i++)
        {
            var name = CSharp.Literal(spec.Headers[i].Name);
            w.Line($"message.AddHeader({name}, {Rendering}.HeaderValue(TypedMailHeader{i}(), {name}));");
        }

        if (Attachments(spec).Any())
        {
            w.Open("foreach (var attachment in TypedMailAttachments())")
             .Line("message.AddAttachment(attachment.FileName, attachment.Content, attachment.ContentType, attachment.ContentId);")
             .Close();
        }

        w.Line("return message;")
         .Close()
         .Open("catch")
         .Line("message.Dispose();")
         .Line("throw;")
         .Close()
         .Close()
         .Line();
    }

    private static void WriteSmtpRecipient(SourceWriter w, MemberSpec member, string method)
    {
        switch (member.Address)
        {
            case AddressKind.List:
                w.Open($"if (!string.IsNullOrWhiteSpace(this.{CSharp.Id(member.Name)}))")
                 .Line($"message.{method}(this.{CSharp.Id(member.Name)}!);")
                 .Close();
                break;
            case AddressKind.Lists:
                w.Open($"foreach (var item in this.{CSharp.Id(member.Name)} ?? global::System.Linq.Enumerable.Empty<string>())")
                 .Open("if (!string.IsNullOrWhiteSpace(item))")
                 .Line($"message.{method}(item);")
                 .Close()
                 .Close();
                break;
            case AddressKind.Address:
                w.Open($"if (this.{CSharp.Id(member.Name)} != null)")
                 .Line($"message.{method}(this.{CSharp.Id(member.Name)}.ToString());")
                 .Close();
                break;
            case AddressKind.Addresses:
                w.Open($"if (this.{CSharp.Id(member.Name)} != null)")
                 .Open($"foreach (var item in this.{CSharp.Id(member.Name)})")
                 .Open("if (item != null)")
                 .Line($"message.{method}(item.ToString());")
                 .Close()
                 .Close()
                 .Close();
                break;
        }
    }

    private static void WriteSendAsync(SourceWriter w, MessageSpec spec)
    {
        w.Line("/// <summary>Sends this message through <paramref name=\"sender\"/> (its connection, its rules, 4D's semantics).</summary>")
         .Line("/// <param name=\"sender\">The sender; its connection is reused across messages.</param>")
         .Line("/// <param name=\"cancellationToken\">Cancels the send.</param>")
         .Line("/// <returns>The outcome: code 0 when every recipient accepted the message.</returns>")
         .Line(CSharp.GeneratedCode)
         .Line($"public {BuilderEmitter.New(spec)}global::System.Threading.Tasks.Task<global::TypedMail.SendResult> SendAsync(global::TypedMail.ISmtpSender sender, global::System.Threading.CancellationToken cancellationToken = default) =>")
         .Line("    global::TypedMail.TypedMessageSending.SendAsync(sender, this, cancellationToken);")
         .Line();
    }

    private static void WriteRendering(SourceWriter w, MessageSpec spec)
    {
        var culture = spec.Constants.Culture is { Length: > 0 } name
            ? $"global::System.Globalization.CultureInfo.GetCultureInfo({CSharp.Literal(name)})"
            : "global::System.Globalization.CultureInfo.InvariantCulture";
        w.Line(CSharp.GeneratedCode)
         .Line($"private static readonly global::System.IFormatProvider TypedMailFormat = {culture};")
         .Line();
        if (spec.Subject is not null)
        {
            TemplateEmitter.WriteMethod(w, "TypedMailSubject", spec.Subject);
        }

        if (spec.TextBody is not null)
        {
            TemplateEmitter.WriteMethod(w, "TypedMailTextBody", spec.TextBody);
        }

        if (spec.HtmlBody is not null)
        {
            TemplateEmitter.WriteMethod(w, "TypedMailHtmlBody", spec.HtmlBody);
        }

        for (var i = 0; i < spec.Headers.Count; i++)
        {
            TemplateEmitter.WriteMethod(w, "TypedMailHeader" + i, spec.Headers[i].Value);
        }

        if (Attachments(spec).Any())
        {
            WriteAttachments(w, spec);
        }
    }

    private static void WriteAttachments(SourceWriter w, MessageSpec spec)
    {
        const string Item = "(string FileName, byte[] Content, string? ContentType, string? ContentId)";
        w.Line(CSharp.GeneratedCode)
         .Open($"private global::System.Collections.Generic.List<{Item}> TypedMailAttachments()")
         .Line($"var attachments = new global::System.Collections.Generic.List<{Item}>();");
        var i = 0;
        foreach (var member in Attachments(spec))
        {
            var a = member.Attachment!;
            var value = "attachment" + i++;
            var (content, defaultName) = a.Kind switch
            {
                AttachmentKind.Bytes => (value, CSharp.Literal(member.Name)),
                AttachmentKind.Stream => ($"{Rendering}.ReadAll({value})", CSharp.Literal(member.Name)),
                AttachmentKind.FileInfo => ($"global::System.IO.File.ReadAllBytes({value}.FullName)", value + ".Name"),
                _ => ($"global::System.IO.File.ReadAllBytes({value})", $"global::System.IO.Path.GetFileName({value})"),
            };
            var fileName = a.FileName is null ? defaultName : CSharp.Literal(a.FileName);
            w.Line($"var {value} = this.{CSharp.Id(member.Name)};")
             .Open($"if ({value} != null)")
             .Line($"attachments.Add(({fileName}, {content}, {CSharp.Literal(a.ContentType)}, {CSharp.Literal(a.ContentId)}));")
             .Close();
        }

        w.Line("return attachments;")
         .Close();

    }
}
