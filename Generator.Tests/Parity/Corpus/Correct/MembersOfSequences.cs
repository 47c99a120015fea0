using System.Collections.Generic;
using TypedMail;

// A sequence is still an object with members: a list's Count, an array's Length, a read-only list's inherited Count.
[MailMessage(From = "shop@example.com", Subject = "{{Lines.Count}} lines")]
[TextBody("{{Codes.Length}} codes, {{Items.Count}} items, {{Lines.Count}} lines{{#each Lines}} {{Product}}{{/each}}")]
public partial class Shipped
{
    [To] public required string Email { get; init; }
    public required IReadOnlyList<Line> Lines { get; init; }
    public required string[] Codes { get; init; }
    public required List<string> Items { get; init; }
}

public sealed class Line { public string Product { get; set; } = ""; }

static class Caller
{
    static Shipped Use() => Shipped.Create().Email("a@example.com").Lines([]).Codes([]).Items([]).Build();
}
