using System.IO;
using TypedMail;

[MailMessage(From = "shop@example.com", To = "a@example.com", Subject = "Files")]
[HtmlBody("<p>Files</p><img src=\"cid:logo\">")]
public partial class Files
{
    [Attachment(FileName = "invoice.pdf", ContentType = "application/pdf")] public byte[]? Invoice { get; set; }
    [Attachment(ContentId = "logo", ContentType = "image/png")] public Stream? Logo { get; set; }
    [Attachment] public FileInfo? Terms { get; set; }
    [Attachment] public string? ExtraPath { get; set; }
}

static class Caller
{
    static Files Use() => Files.Create().Invoice([1, 2, 3]).Build();
}
