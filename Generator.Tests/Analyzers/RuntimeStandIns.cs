namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>
/// Minimal stand-ins for the runtime's facade and message reference, with the contract's names and signatures, until
/// the real ones land in TypedMail.dll. The analyzers match them by metadata name.
/// </summary>
internal static class RuntimeStandIns
{
    public const string Source = """
        namespace TypedMail
        {
            public static class InternetCommands
            {
                public static int SMTP_New(out int smtpId) { smtpId = 1; return 0; }
                public static int SMTP_Host(int smtpId, string host, int option = 0) => 0;
                public static int SMTP_From(int smtpId, string value, int option = 0) => 0;
                public static int SMTP_Sender(int smtpId, string value, int option = 0) => 0;
                public static int SMTP_ReplyTo(int smtpId, string value, int option = 0) => 0;
                public static int SMTP_To(int smtpId, string value, int option = 0) => 0;
                public static int SMTP_Cc(int smtpId, string value, int option = 0) => 0;
                public static int SMTP_Bcc(int smtpId, string value, int option = 0) => 0;
                public static int SMTP_Subject(int smtpId, string value, int option = 0) => 0;
                public static int SMTP_Body(int smtpId, string value, int option = 0) => 0;
                public static int SMTP_Comments(int smtpId, string value, int option = 0) => 0;
                public static int SMTP_AddHeader(int smtpId, string name, string value, int option = 0) => 0;
                public static int SMTP_Auth(int smtpId, string user, string password, int authMode = 0) => 0;
                public static int SMTP_Send(int smtpId, int sessionParam = 0) => 0;
                public static int SMTP_QuickSend(string host, string from, string to, string subject, string body, int sessionParam = 0, int port = 0, string user = "", string password = "") => 0;
                public static int SMTP_Clear(ref int smtpId) { smtpId = 0; return 0; }
                public static int IT_SetPort(int protocol, int port) => 0;
                public static int IT_SetTimeOut(int seconds) => 0;
            }

            public sealed class SmtpMessage : System.IDisposable
            {
                public void SetFrom(string addresses, int option = 0) { }
                public void SetTo(string addresses, int option = 0) { }
                public void SetSubject(string text, int option = 0) { }
                public void AddHeader(string name, string value, int option = 0) { }
                public void SetHost(string host, int port = 0) { }
                public void SetAuthentication(string user, string password, AuthMode mode = AuthMode.Default) { }
                public int Send(SessionMode mode = SessionMode.Upgradable) => 0;
                public void Dispose() { }
            }
        }
        """;
}
