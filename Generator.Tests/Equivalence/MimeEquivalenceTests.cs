using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using MimeKit;
using TypedMail.Generator.Tests.Generator;
using TypedMail.Mailbox;
using TypedMail.Testing;
using Previews = TypedMail.Mailbox.Previews;

namespace TypedMail.Generator.Tests.Equivalence;

/// <summary>
/// One MIME writer: every message class of the snapshot suite and of the samples, filled with non-ASCII text, real
/// attachments and recipients of every kind, is rendered through every path a message takes (the Previews page,
/// <c>ToMimeMessage()</c>, the message reference, the recording sender, and the bytes the Mailbox receives from an
/// <see cref="SmtpSender"/>, plain and DKIM-signing). All must be the same bytes except Date, Message-ID, the DKIM
/// signature and multipart boundaries: a path that
/// changes a transfer encoding, a charset or the part tree fails here, not in production.
/// </summary>
public sealed class MimeEquivalenceTests : IDisposable
{
    private static readonly Regex Boundary = new("boundary=\"?([^\";\\s]+)\"?", RegexOptions.IgnoreCase);
    private static readonly Regex VaryingHeader = new("^(Date|Message-Id|DKIM-Signature):[^\\n]*\\n([ \\t][^\\n]*\\n)*", RegexOptions.IgnoreCase | RegexOptions.Multiline);

    private readonly string _directory = Directory.CreateTempSubdirectory("typedmail-equivalence-").FullName;

    public static TheoryData<string> Corpora() => new(Corpus.Keys);

    private static readonly Dictionary<string, (string[] Sources, AdditionalText[] Files)> Corpus = new()
    {
        ["snapshot: Minimal"] = ([Inputs.Minimal], []),
        ["snapshot: EveryAttribute"] = ([Inputs.EveryAttribute], []),
        ["snapshot: Nested"] = ([Inputs.Nested], []),
        ["snapshot: GlobalNamespace"] = ([Inputs.GlobalNamespace], []),
        ["snapshot: SameNameA"] = ([Inputs.SameNameA], []),
        ["snapshot: FileTemplates"] = ([Inputs.FileTemplates],
            [new InMemoryAdditionalText("/project/Mail/discount.txt", Inputs.DiscountText), new InMemoryAdditionalText("/project/Mail/discount.html", Inputs.DiscountHtml)]),
        ["snapshot: TextAndHtml"] = ([Inputs.TextAndHtml], []),
        ["snapshot: Attachments"] = ([Inputs.Attachments], []),
        ["sample: Shop"] = (SampleSources("Shop/OrderShipped.cs"), []),
        ["sample: MailMerge"] = (SampleSources("MailMerge/DiscountOffer.cs"), []),
        ["sample: Orders"] = (SampleSources("Orders/OrderConfirmation.cs"), SampleFiles("Orders")),
    };

    [Theory]
    [MemberData(nameof(Corpora))]
    public async Task EveryPath_WritesTheSameMime(string corpus)
    {
        var (sources, files) = Corpus[corpus];
        using var compiled = CompiledAssembly.Compile(sources, files);
        var types = compiled.Assembly.GetTypes().Where(t => typeof(ITypedMailMessage).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.NotEmpty(types);
        await using var mailbox = await MailboxServer.StartAsync();
        await using var sender = new SmtpSender(new SmtpSettings { Host = mailbox.Host, Port = mailbox.Port, Mode = SessionMode.NeverTls });
        using var key = RSA.Create(2048);
        await using var signing = new SmtpSender(new SmtpSettings
        {
            Host = mailbox.Host, Port = mailbox.Port, Mode = SessionMode.NeverTls,
            Dkim = new DkimSettings { Domain = "example.org", Selector = "equivalence", PrivateKeyPem = key.ExportRSAPrivateKeyPem() },
        });
        foreach (var type in types)
        {
            var message = (ITypedMailMessage)new SampleValues(_directory).Fill(type);
            var paths = await RenderEveryWayAsync(message, sender, mailbox);
            paths["bytes the Mailbox received from a DKIM-signing sender"] = await ReceivedAsync(message, signing, mailbox);
            var expected = Canonical(paths["ToMimeMessage()"]);
            foreach (var (path, bytes) in paths)
            {
                var actual = Canonical(bytes);
                Assert.True(expected == actual, $"{type.FullName}: {path} wrote other MIME than ToMimeMessage().\n--- ToMimeMessage()\n{expected}\n--- {path}\n{actual}");
            }
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>The message's bytes through each path, keyed by the path's name; the envelopes of the sends agree too.</summary>
    internal static async Task<Dictionary<string, byte[]>> RenderEveryWayAsync(ITypedMailMessage message, SmtpSender sender, MailboxServer mailbox)
    {
        var paths = new Dictionary<string, byte[]>
        {
            ["ToMimeMessage()"] = Bytes(message.ToMimeMessage()),
            ["preview"] = Previews.MessageRendering.Render(message),
        };
        using (var reference = message.ToSmtpMessage())
        {
            paths["message reference (ToSmtpMessage)"] = Bytes(reference.ToMimeMessage());
        }

        var recorder = new RecordingSmtpSender();
        var recorded = await recorder.SendAsync(message);
        Assert.True(recorded.Succeeded, recorded.ErrorText);
        paths["recording sender"] = Bytes(recorder.Messages.Single().Mime);

        mailbox.Clear();
        var sent = await TypedMessageSending.SendAsync(sender, message).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(sent.Succeeded, sent.ErrorText);
        var received = await mailbox.WaitForMessageAsync(TimeSpan.FromSeconds(30));
        paths["bytes the Mailbox received"] = received.RawMime;
        Assert.Equal(recorder.Messages.Single().EnvelopeRecipients, received.Recipients);
        Assert.Equal(recorder.Messages.Single().EnvelopeSender, received.MailFrom);
        return paths;
    }

    /// <summary>What the Mailbox receives when <paramref name="sender"/> sends the message (its signature is not compared).</summary>
    private static async Task<byte[]> ReceivedAsync(ITypedMailMessage message, SmtpSender sender, MailboxServer mailbox)
    {
        mailbox.Clear();
        var sent = await TypedMessageSending.SendAsync(sender, message).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(sent.Succeeded, sent.ErrorText);
        var received = await mailbox.WaitForMessageAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(received.Message.Headers, h => h.Id == HeaderId.DkimSignature);
        return received.RawMime;
    }

    /// <summary>The MIME text with Date and Message-ID removed and each boundary replaced by its rank.</summary>
    internal static string Canonical(byte[] bytes)
    {
        var text = VaryingHeader.Replace(Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal), string.Empty);
        var boundaries = Boundary.Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        for (var i = 0; i < boundaries.Count; i++)
        {
            text = text.Replace(boundaries[i], $"BOUNDARY-{i}", StringComparison.Ordinal);
        }

        return text.TrimEnd('\n');
    }

    private static byte[] Bytes(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        return buffer.ToArray();
    }

    private static string SamplesDirectory([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "samples"));

    /// <summary>The sample's files, with the implicit usings of an SDK project.</summary>
    private static string[] SampleSources(params string[] paths) =>
        paths.Select(p => File.ReadAllText(Path.Combine(SamplesDirectory(), p)))
            .Append("global using System; global using System.Collections.Generic; global using System.Linq; global using System.Threading.Tasks;")
            .ToArray();

    private static AdditionalText[] SampleFiles(string sample) =>
        Directory.GetFiles(Path.Combine(SamplesDirectory(), sample, "Mail"))
            .Select(f => (AdditionalText)new InMemoryAdditionalText("/project/Mail/" + Path.GetFileName(f), File.ReadAllText(f)))
            .ToArray();
}
