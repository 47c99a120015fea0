using static TypedMail.InternetCommands;

public static class Legacy
{
    public static int Send(string user, string password)
    {
        IT_SetPort(2, 587);
        IT_SetTimeOut(60);
        SMTP_New(out var smtpId);
        SMTP_Host(smtpId, "exchange.example.com");
        SMTP_From(smtpId, "user@example.com");
        SMTP_To(smtpId, "someone@example.com");
        SMTP_Subject(smtpId, "STARTTLS test");
        SMTP_Body(smtpId, "Sent with STARTTLS");
        SMTP_Auth(smtpId, user, password, 2);
        var error = SMTP_Send(smtpId, 3);
        SMTP_Clear(ref smtpId);
        return error;
    }
}
