using System.Threading.Tasks;
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Receipt {{Number}}")]
public partial class Receipt
{
    [To] public required string Email { get; init; }
    public required int Number { get; init; }

    public static Receipt Create(string email, int number) => Create().Email(email).Number(number).Build();

    public static async Task<SendResult> SendAsync(string host, int port)
    {
        using var sender = new SmtpSender(new SmtpSettings { Host = host, Port = port, Mode = SessionMode.NeverTls });
        return await Create("a@example.com", 7).SendAsync(sender);
    }
}
