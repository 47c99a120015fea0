using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Mailbox;

namespace TypedMail.Generator.Tests.Generator;

/// <summary>The generated code compiles with no diagnostics, runs, and renders MIME that parses back as expected.</summary>
public sealed class CompileAndRunTests
{
    [Fact]
    public void MinimalMessageRendersHeadersAndTextBody()
    {
        using var compiled = CompiledAssembly.Compile(new[] { Inputs.Minimal });
        var offer = compiled.Build("Shop.Mail.DiscountOffer", ("Email", "jennifer@wkrp.com"), ("Salutation", "Ms. Marlowe"), ("Offer", "50% off drive time"));

        var message = Reparse(((ITypedMailMessage)offer).ToMimeMessage());

        Assert.Equal("herb_tarlick@wkrp.com", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("bigguy@wkrp.com", Assert.Single(message.ReplyTo.Mailboxes).Address);
        Assert.Equal("jennifer@wkrp.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Discounts on Ad Space!", message.Subject);
        Assert.Equal("Dear Ms. Marlowe,\n50% off drive time", Lf(message.TextBody)?.TrimEnd('\n'));
        Assert.Null(message.HtmlBody);
    }

    [Fact]
    public void EveryAttributeRendersCultureFormatsHtmlEncodingPartsAndHeaders()
    {
        var terms = Path.Combine(Path.GetTempPath(), $"terms-{Guid.NewGuid():N}.txt");
        var extra = Path.Combine(Path.GetTempPath(), $"extra-{Guid.NewGuid():N}.bin");
        File.WriteAllText(terms, "the terms");
        File.WriteAllBytes(extra, new byte[] { 1, 2, 3 });
        try
        {
            using var compiled = CompiledAssembly.Compile(new[] { Inputs.EveryAttribute });
            var statusType = compiled.Type("Shop.Mail.OrderStatus");
            var placed = new DateTime(2026, 3, 14, 9, 30, 0);
            var order = compiled.Build(
                "Shop.Mail.OrderConfirmation",
                ("Email", "Ann <ann@shop.example>"),
                ("Name", "<Ann & Bob>"),
                ("Watchers", new[] { "w1@shop.example", "w2@shop.example, w3@shop.example" }),
                ("Auditor", new MailboxAddress("Audit", "auditor@shop.example")),
                ("Agent", "agent@shop.example"),
                ("OrderNumber", 42),
                ("Placed", placed),
                ("Total", 1234.5m),
                ("Status", Enum.ToObject(statusType, 1)),
                ("Invoice", new byte[] { 37, 80, 68, 70 }),
                ("Logo", new MemoryStream(new byte[] { 137, 80, 78, 71 })),
                ("Terms", new FileInfo(terms)),
                ("ExtraPath", extra));

            var message = Reparse(((ITypedMailMessage)order).ToMimeMessage());
            var fr = CultureInfo.GetCultureInfo("fr-FR");

            Assert.Equal($"Order 42 of 2026-03-14: {1234.5m.ToString("N2", fr)}", message.Subject);
            Assert.Equal("Herb Tarlick", Assert.Single(message.From.Mailboxes).Name);
            Assert.Equal("sales@wkrp.com", message.Sender?.Address);
            Assert.Equal(new[] { "archive@wkrp.com", "ann@shop.example" }, message.To.Mailboxes.Select(m => m.Address));
            Assert.Equal(new[] { "sales-team@wkrp.com", "w1@shop.example", "w2@shop.example", "w3@shop.example" }, message.Cc.Mailboxes.Select(m => m.Address));
            Assert.Equal(new[] { "bigguy@wkrp.com", "agent@shop.example" }, message.ReplyTo.Mailboxes.Select(m => m.Address));
            Assert.Empty(message.Bcc);
            Assert.DoesNotContain("audit", Raw(message), StringComparison.OrdinalIgnoreCase);
            Assert.Equal("spring-42", message.Headers["X-Campaign"]);
            Assert.Equal("TypedMail", message.Headers["X-Mailer"]);

            Assert.Equal($"Hello <Ann & Bob>, your order 000042 costs {1234.5m.ToString("C", fr)} (Pending, 1). ", message.TextBody);
            Assert.Contains("Hello &lt;Ann &amp; Bob&gt;", message.HtmlBody, StringComparison.Ordinal);
            Assert.Contains($"<b>{System.Net.WebUtility.HtmlEncode(1234.5m.ToString("N2", fr))}</b>", message.HtmlBody, StringComparison.Ordinal);

            var related = Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentId == "logo");
            Assert.Equal("image/png", related.ContentType.MimeType);
            Assert.Equal(new byte[] { 137, 80, 78, 71 }, Content(related));
            Assert.Contains(message.Body is Multipart mixed ? mixed.OfType<Multipart>() : Enumerable.Empty<Multipart>(), m => m.ContentType.MimeType == "multipart/alternative");
            var attachments = message.Attachments.OfType<MimePart>().ToDictionary(a => a.FileName ?? "");
            Assert.Equal(new[] { "invoice.pdf", Path.GetFileName(terms), Path.GetFileName(extra) }.Order(), attachments.Keys.Order());
            Assert.Equal("application/pdf", attachments["invoice.pdf"].ContentType.MimeType);
            Assert.Equal(new byte[] { 37, 80, 68, 70 }, Content(attachments["invoice.pdf"]));
            Assert.Equal("the terms", System.Text.Encoding.UTF8.GetString(Content(attachments[Path.GetFileName(terms)])));
            Assert.Equal(new byte[] { 1, 2, 3 }, Content(attachments[Path.GetFileName(extra)]));
        }
        finally
        {
            File.Delete(terms);
            File.Delete(extra);
        }
    }

    [Fact]
    public void ValuesAreFormattedWithTheInvariantCultureUnlessTheClassStatesOne()
    {
        const string Source = """
            using TypedMail;
            namespace Shop.Mail;
            [MailMessage(From = "a@shop.example", To = "b@shop.example", Subject = "Total {{Amount:N2}} on {{Day:d}}")]
            [TextBody("{{Amount}} {{Ratio:P1}} {{Count}}")]
            public partial class Amounts
            {
                public decimal Amount { get; set; }
                public System.DateTime Day { get; set; }
                public double? Ratio { get; set; }
                public long? Count { get; set; }
            }
            """;
        using var compiled = CompiledAssembly.Compile(new[] { Source });
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var amounts = compiled.Build("Shop.Mail.Amounts", ("Amount", 1234.5m), ("Day", new DateTime(2026, 1, 2)), ("Ratio", (double?)0.25), ("Count", (long?)null));
            var message = ((ITypedMailMessage)amounts).ToMimeMessage();

            Assert.Equal("Total 1,234.50 on 01/02/2026", message.Subject);
            Assert.Equal("1234.5 25.0 % ", message.TextBody);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void TextAndHtmlMakeMultipartAlternative()
    {
        using var compiled = CompiledAssembly.Compile(new[] { Inputs.TextAndHtml });
        var news = compiled.Build("Shop.Mail.Newsletter", ("Name", "Venus"), ("Email", "venus@wkrp.com"), ("Count", 3));

        var message = Reparse(((ITypedMailMessage)news).ToMimeMessage());

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(new[] { "text/plain", "text/html" }, alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("Hi Venus! 3 new items.", message.TextBody);
        Assert.Equal("<h1>Hi Venus!</h1><p>3 new items.</p>", message.HtmlBody);
        Assert.Equal("News for Venus", message.Subject);
    }

    [Fact]
    public void InlineImagesGoIntoMultipartRelatedWithTheHtml()
    {
        using var compiled = CompiledAssembly.Compile(new[] { Inputs.Attachments });
        var report = compiled.Build("Shop.Mail.Report", ("Data", new byte[] { 97, 44, 98 }), ("Logo", new byte[] { 1, 2 }));

        var message = Reparse(((ITypedMailMessage)report).ToMimeMessage());

        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        var related = Assert.IsType<MultipartRelated>(alternative[1]);
        Assert.Equal("text/html", related[0].ContentType.MimeType);
        Assert.Equal("logo", related[1].ContentId);
        var csv = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("report.csv", csv.FileName);
        Assert.Equal("text/csv", csv.ContentType.MimeType);
    }

    [Fact]
    public void ALineBreakFromAValueIsRefusedInTheSubjectNotFolded()
    {
        using var compiled = CompiledAssembly.Compile(new[] { Inputs.TextAndHtml });
        var news = compiled.Build("Shop.Mail.Newsletter", ("Name", "Venus\r\nBcc: everyone@example.com"), ("Email", "venus@wkrp.com"));

        var error = Assert.Throws<TypedMailException>(() => ((ITypedMailMessage)news).ToMimeMessage());
        Assert.Equal(ErrorCodes.HeaderInjection, error.Code);
        Assert.Contains("Subject", error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.HeaderInjection, Assert.Throws<TypedMailException>(() => ((ITypedMailMessage)news).ToSmtpMessage()).Code);
    }

    [Fact]
    public void MembersTheBuilderDidNotSetKeepTheirInitializers()
    {
        using var compiled = CompiledAssembly.Compile(new[] { Inputs.Nested });
        var welcome = compiled.Build("Shop.Mail.Notifications+Accounts+Welcome", ("Email", "les@wkrp.com"));

        var message = ((ITypedMailMessage)welcome).ToMimeMessage();

        Assert.Equal("Welcome, friend.", message.TextBody);
        Assert.Equal("Welcome friend", message.Subject);
    }

    [Fact]
    public void BuildKeepsWhatConstructorsAndAccessorsDo_AndStoresPlainMembersGivenOrNot()
    {
        // Build() is one object initializer only when storing default in a member not given changes nothing;
        // a constructor of the class or of its base, an initializer or an accessor with a body keeps the private constructor.
        const string Source = """
            using TypedMail;
            namespace Shop.Mail;
            [MailMessage(From = "a@shop.example", Subject = "{{Greeting}}")]
            [TextBody("{{Greeting}} {{Count}} {{Note}}")]
            public partial class ByConstructor
            {
                public ByConstructor() { Greeting = "from the constructor"; }
                [To] public required string Email { get; init; }
                public string? Greeting { get; init; }
                public int Count { get; init; }
                public string? Note { get; init; }
            }
            public class Base
            {
                public Base() { Greeting = "from the base"; }
                public string? Greeting { get; init; }
            }
            [MailMessage(From = "a@shop.example", Subject = "{{Greeting}}")]
            [TextBody("{{Greeting}} {{Count}}")]
            public partial class ByBase : Base
            {
                [To] public required string Email { get; init; }
                public int Count { get; init; }
            }
            [MailMessage(From = "a@shop.example", Subject = "{{Greeting}}")]
            [TextBody("{{Greeting}} {{Count}}")]
            public partial class ByAccessor
            {
                private string? greeting = "from the field";
                [To] public required string Email { get; init; }
                public string? Greeting { get => greeting; init => greeting = value; }
                public int Count { get; init; }
            }
            [MailMessage(From = "a@shop.example", Subject = "{{Greeting}}")]
            [TextBody("{{Greeting}} {{Count}} {{Note}}")]
            public partial class Plain
            {
                [To] public required string Email { get; init; }
                public string? Greeting { get; init; }
                public int Count { get; init; }
                public string? Note;
            }
            """;
        using var compiled = CompiledAssembly.Compile(new[] { Source });

        string Text(string type, params (string, object?)[] steps) =>
            Lf(((ITypedMailMessage)compiled.Build(type, steps)).ToMimeMessage().TextBody)!.TrimEnd();

        Assert.Equal("from the constructor 3", Text("Shop.Mail.ByConstructor", ("Email", "x@wkrp.com"), ("Count", 3)));
        Assert.Equal("from the base 0", Text("Shop.Mail.ByBase", ("Email", "x@wkrp.com")));
        Assert.Equal("from the field 2", Text("Shop.Mail.ByAccessor", ("Email", "x@wkrp.com"), ("Count", 2)));
        Assert.Equal("given 0 noted", Text("Shop.Mail.Plain", ("Email", "x@wkrp.com"), ("Greeting", "given"), ("Note", "noted")));
        Assert.Equal(" 0", Text("Shop.Mail.Plain", ("Email", "x@wkrp.com")));
        Assert.Equal("x@wkrp.com", ((ITypedMailMessage)compiled.Build("Shop.Mail.Plain", ("Email", "x@wkrp.com"))).ToMimeMessage().To.Mailboxes.Single().Address);
    }

    [Fact]
    public void ValuesTypedIFormattable_AreFormattedWithTheTemplatesFormat()
    {
        const string Source = """
            using TypedMail;
            namespace Shop.Mail;
            public sealed class Line
            {
                public System.IFormattable? Price { get; set; }
            }
            [MailMessage(From = "a@shop.example", Subject = "Receipt")]
            [TextBody("{{Amount:N2}} {{First.Price:N1}}")]
            public partial class Receipt
            {
                [To] public required string Email { get; init; }
                public required System.IFormattable Amount { get; init; }
                public required Line First { get; init; }
            }
            """;
        using var compiled = CompiledAssembly.Compile(new[] { Source });
        var line = Activator.CreateInstance(compiled.Type("Shop.Mail.Line"))!;
        line.GetType().GetProperty("Price")!.SetValue(line, 2.5m);

        var receipt = (ITypedMailMessage)compiled.Build("Shop.Mail.Receipt", ("Email", "x@wkrp.com"), ("Amount", 1234.5m), ("First", line));

        Assert.Equal("1,234.50 2.5", Lf(receipt.ToMimeMessage().TextBody)!.TrimEnd());
    }

    [Fact]
    public void FileTemplatesRenderTheAdditionalFiles()
    {
        using var compiled = CompiledAssembly.Compile(
            new[] { Inputs.FileTemplates },
            new InMemoryAdditionalText("/project/Mail/discount.txt", Inputs.DiscountText),
            new InMemoryAdditionalText("/project/Mail/discount.html", Inputs.DiscountHtml));
        var offer = compiled.Build("Shop.Mail.FileOffer", ("Email", "andy@wkrp.com"), ("Salutation", "Mr. Travis"), ("Offer", "Two for one"));

        var message = ((ITypedMailMessage)offer).ToMimeMessage();

        Assert.Equal("Dear Mr. Travis,\nTwo for one\n", message.TextBody);
        Assert.Equal("<p>Dear Mr. Travis,</p><p>Two for one</p>\n", message.HtmlBody);
    }

    [Fact]
    public async Task TheMessageReferenceCarriesBccInTheEnvelopeOnly()
    {
        using var compiled = CompiledAssembly.Compile(new[] { Inputs.EveryAttribute });
        var order = compiled.Build("Shop.Mail.OrderConfirmation", ("Email", "ann@shop.example"), ("Name", "Ann"), ("Auditor", new MailboxAddress("Audit", "auditor@shop.example")));
        using var reference = ((ITypedMailMessage)order).ToSmtpMessage();
        await using var mailbox = await MailboxServer.StartAsync();

        var result = await reference.SendAsync(new SmtpSettings { Host = mailbox.Host, Port = mailbox.Port, Mode = SessionMode.NeverTls, TimeoutSeconds = 15 });

        // What the server got: every Bcc in RCPT TO, none in the message's bytes.
        Assert.True(result.Succeeded, result.ToString());
        var received = await mailbox.WaitForMessageAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(
            new[] { "ann@shop.example", "archive@wkrp.com", "audit@wkrp.com", "auditor@shop.example", "sales-team@wkrp.com" },
            received.Recipients.Order(StringComparer.Ordinal));
        Assert.Empty(received.Message.Bcc);
        var raw = Encoding.UTF8.GetString(received.RawMime);
        Assert.DoesNotContain("audit@wkrp.com", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("auditor@shop.example", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new[] { "archive@wkrp.com", "ann@shop.example" }, received.Message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("spring-0", received.Message.Headers["X-Campaign"]);
    }

    [Fact]
    public void ObjectInitializersStillWork()
    {
        const string Caller = """
            namespace Shop.Mail;
            public static class Make
            {
                public static DiscountOffer Offer() => new DiscountOffer { Email = "x@wkrp.com", Salutation = "X", Offer = "Y" };
            }
            """;
        using var compiled = CompiledAssembly.Compile(new[] { Inputs.Minimal, Caller });

        var offer = (ITypedMailMessage)compiled.Call("Shop.Mail.Make", "Offer")!;

        Assert.Equal("Dear X,\nY", Lf(offer.ToMimeMessage().TextBody));
    }

    [Fact]
    public void PrivateMembersGetNoBuilderMethodAndInternalOnesMakeTheBuilderInternal()
    {
        const string Source = """
            using TypedMail;
            namespace Shop.Mail;
            [MailMessage(From = "a@shop.example", To = "b@shop.example", Subject = "Audit")]
            [TextBody("{{secret}} {{Level}} {{Note}}")]
            public partial class Audit
            {
                private string secret = "kept";
                internal Level Level { get; set; }
                public string? Note { get; private set; }
            }
            internal enum Level { Low, High }
            """;
        using var compiled = CompiledAssembly.Compile(new[] { Source });
        var create = compiled.Type("Shop.Mail.Audit").GetMethod("Create", BindingFlags.Static | BindingFlags.NonPublic)!;
        Assert.True(create.IsAssembly);
        var buildStep = create.ReturnType;
        Assert.Null(buildStep.GetMethod("secret"));
        Assert.Null(buildStep.GetMethod("Note"));

        var audit = compiled.Build("Shop.Mail.Audit", ("Level", Enum.ToObject(compiled.Type("Shop.Mail.Level"), 1)));

        Assert.Equal("kept High ", ((ITypedMailMessage)audit).ToMimeMessage().TextBody);
    }

    [Fact]
    public void AMessageDerivedFromAMessageCompilesAndRendersItsOwnTemplates()
    {
        const string Source = """
            using TypedMail;
            namespace Shop.Mail;
            [MailMessage(From = "a@shop.example", Subject = "Base {{Name}}")]
            [TextBody("Base body")]
            public partial class Notice
            {
                [To] public required string Email { get; init; }
                public string Name { get; set; } = "n";
            }

            [MailMessage(From = "b@shop.example", Subject = "Urgent {{Name}}")]
            [TextBody("Urgent: {{Reason}}")]
            public partial class UrgentNotice : Notice
            {
                public required string Reason { get; init; }
            }
            """;
        using var compiled = CompiledAssembly.Compile(new[] { Source });

        var urgent = compiled.Build("Shop.Mail.UrgentNotice", ("Email", "x@shop.example"), ("Reason", "fire"), ("Name", "Les"));
        var message = ((ITypedMailMessage)urgent).ToMimeMessage();

        Assert.Equal("Urgent Les", message.Subject);
        Assert.Equal("Urgent: fire", message.TextBody);
        Assert.Equal("b@shop.example", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("x@shop.example", Assert.Single(message.To.Mailboxes).Address);
    }

    [Fact]
    public void GeneratedPublicApiHasXmlDocs()
    {
        var options = GeneratorHarness.ParseOptions.WithDocumentationMode(Microsoft.CodeAnalysis.DocumentationMode.Diagnose);
        var compilation = GeneratorHarness.Compilation(options, "/// <summary>Inputs.</summary>\n" + Inputs.EveryAttribute.Replace("public partial class", "/// <summary>M.</summary>\npublic partial class", StringComparison.Ordinal), Inputs.Server);
        GeneratorHarness.Driver(options).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);

        var generatedTrees = output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, generatedTrees.Count);
        // The user's undocumented enum proves the check is on; the generated files must add no CS1591 of their own.
        Assert.Contains(output.GetDiagnostics(), d => d.Id == "CS1591" && !generatedTrees.Contains(d.Location.SourceTree!));
        var missing = output.GetDiagnostics().Where(d => d.Id == "CS1591" && generatedTrees.Contains(d.Location.SourceTree!)).ToList();
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    private static MimeMessage Reparse(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    private static string Raw(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static byte[] Content(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    private static string? Lf(string? text) => text?.ReplaceLineEndings("\n");
}
