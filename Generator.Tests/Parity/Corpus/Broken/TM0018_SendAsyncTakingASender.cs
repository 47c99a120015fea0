// expect: TM0018
using System.Threading.Tasks;
using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "Receipt {{Number}}")]
public partial class Receipt
{
    [To] public required string Email { get; init; }
    public required int Number { get; init; }

    public Task<SendResult> SendAsync(SmtpSender sender) => Task.FromResult<SendResult>(null!);
}
