using System;
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Legacy")]
[TextBody("{{Legacy}} {{Name}}")]
public partial class LegacyNote
{
    [To] public required string Email { get; init; }
    public required string Name { get; init; }
    [Obsolete("use Name")] public string Legacy { get; set; } = "";
}

static class Caller
{
    static LegacyNote Use() => LegacyNote.Create().Email("a@example.com").Name("Ann").Build();
}
