// expect: TM0022
using System;
using TypedMail;

// A broken template names members it cannot be shown to use: the syntax error is the one diagnostic, not TM0008 too.
[MailMessage(From = "shop@example.com", Subject = "Shipped")]
[TextBody("{{#if Paid}}Paid {{Total}} on {{Placed}}")]
public partial class Shipped
{
    [To] public required string Email { get; init; }
    public string Name { get; init; } = "";
    public bool Paid { get; init; }
    public decimal Total { get; init; }
    public DateTime Placed { get; init; }
}

static class Caller
{
    static Shipped Use() => Shipped.Create().Email("a@example.com").Build();
}
