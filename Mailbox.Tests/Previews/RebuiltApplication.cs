using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedMail.Mailbox.Tests.Previews;

/// <summary>
/// A small application assembly with one [MailMessage] class and a [PreviewData] sample, compiled with Roslyn and
/// written over the same file again with another subject: what a developer's rebuild does to the --previews assembly.
/// Its message class has a hand-written ToMimeMessage() (what the previews call), so no generator run is needed.
/// </summary>
internal static class RebuiltApplication
{
    public const string AssemblyName = "RebuiltApp";

    public static void Build(string path, string subject)
    {
        var source = $$"""
            namespace RebuiltApp;

            [TypedMail.MailMessage(From = "herb_tarlick@wkrp.com", Subject = "unused")]
            public partial class FarmReport
            {
                public MimeKit.MimeMessage ToMimeMessage()
                {
                    var message = new MimeKit.MimeMessage();
                    message.From.Add(new MimeKit.MailboxAddress("Herb Tarlick", "herb_tarlick@wkrp.com"));
                    message.To.Add(new MimeKit.MailboxAddress("Les Nessman", "les.nessman@wkrp.com"));
                    message.Subject = {{SymbolDisplay.FormatLiteral(subject, quote: true)}};
                    message.Body = new MimeKit.TextPart("plain") { Text = "Hog prices are up." };
                    return message;
                }
            }

            public static class FarmReportPreviews
            {
                [TypedMail.PreviewData("This week")]
                public static FarmReport ThisWeek() => new();
            }
            """;
        var references = Basic.Reference.Assemblies.Net100.References.All
            .Append(MetadataReference.CreateFromFile(typeof(MimeKit.MimeMessage).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(TypedMail.SmtpSettings).Assembly.Location));
        var compilation = CSharpCompilation.Create(
            AssemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The test application does not compile: " + string.Join("; ", emitted.Diagnostics));
        }

        // As MSBuild's Copy does: the file is rewritten in place.
        File.WriteAllBytes(path, image.ToArray());
    }
}
