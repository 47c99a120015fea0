using TypedMail;

public partial class Servers<T>
{
    [SmtpServer("smtp.example.com", Port = 465, Mode = SessionMode.ImplicitTls, Auth = AuthMode.Plain, TimeoutSeconds = 90)]
    public partial class Outbound;
}

static class Caller
{
    static Servers<int>.Outbound Use(string user, string password) => new Servers<int>.Outbound(user, password);
}
