using TypedMail;

namespace Shop.Mail;

public static partial class Mails<TTenant>
    where TTenant : class
{
    public partial record struct Holder
    {
        [MailMessage(From = "noreply@shop.example", Subject = "Hi {{Name}}")]
        [TextBody("Hi {{Name}}")]
        public partial class Offer
        {
            [To] public required string Email { get; init; }
            public required string Name { get; init; }
        }

        [SmtpServer("smtp.example.com", Mode = SessionMode.ImplicitTls)]
        public partial class Relay;
    }
}

static class Caller
{
    static Mails<string>.Holder.Offer Use() => Mails<string>.Holder.Offer.Create().Email("a@example.com").Name("Ann").Build();
    static Mails<string>.Holder.Relay Relay() => new Mails<string>.Holder.Relay();
}
