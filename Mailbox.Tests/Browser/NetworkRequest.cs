namespace TypedMail.Mailbox.Tests.Browser;

/// <summary>A request the page or one of its frames made, and what became of it.</summary>
internal sealed class NetworkRequest(string id, string url, string? frameId)
{
    public string Id { get; } = id;

    public string Url { get; } = url;

    public string? FrameId { get; } = frameId;

    public int? Status { get; set; }

    public string? MimeType { get; set; }

    public bool Finished { get; set; }

    public string? Failure { get; set; }

    public override string ToString() => $"{Url} → {Status?.ToString() ?? Failure ?? "pending"} {MimeType}";
}
