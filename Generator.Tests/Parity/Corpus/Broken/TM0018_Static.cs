// expect: TM0018
using TypedMail;

[MailMessage(From = "shop@example.com", To = "a@example.com", Subject = "Shipped")]
public static partial class Shipped;
