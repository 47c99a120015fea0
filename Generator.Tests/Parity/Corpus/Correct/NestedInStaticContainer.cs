using TypedMail;

namespace Shop.Mail;

public static partial class Notifications
{
    internal partial class Accounts
    {
        [MailMessage(From = "noreply@shop.example", Subject = "Welcome {{Name}}")]
        [TextBody("Welcome, {{Name}}.")]
        public partial class Welcome
        {
            [To] public string? Email { get; set; }
            public string Name { get; set; } = "friend";
        }
    }
}

static class Caller
{
    static Notifications.Accounts.Welcome Use() => Notifications.Accounts.Welcome.Create().Email("a@example.com").Build();
}
