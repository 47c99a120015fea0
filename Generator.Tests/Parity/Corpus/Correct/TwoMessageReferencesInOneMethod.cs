using static TypedMail.InternetCommands;

public static class Mailer
{
    public static int Run(string user, string password, string otherUser, string otherPassword)
    {
        IT_SetPort(2, 587);
        SMTP_New(out var first);
        SMTP_Host(first, "smtp.example.com");
        SMTP_From(first, "shop@example.com");
        SMTP_To(first, "a@example.com");
        SMTP_Auth(first, user, password, 2);
        var error = SMTP_Send(first, 3);

        SMTP_New(out var second);
        SMTP_Host(second, "smtp.example.com");
        SMTP_From(second, "shop@example.com");
        SMTP_To(second, "b@example.com");
        SMTP_Auth(second, otherUser, otherPassword, 2);
        error += SMTP_Send(second, 3);
        SMTP_Clear(ref first);
        SMTP_Clear(ref second);
        return error;
    }
}
