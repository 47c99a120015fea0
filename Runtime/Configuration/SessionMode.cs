namespace TypedMail;

/// <summary>How the SMTP session secures its connection (4D's <c>SMTP_Send</c> session parameter).</summary>
public enum SessionMode
{
    /// <summary>4D mode 0: connect in plain text and switch to TLS with STARTTLS when the server offers it. Default port 25.</summary>
    Upgradable = 0,

    /// <summary>4D mode 1: TLS from the first byte (implicit TLS, "SMTPS"). Default port 465.</summary>
    ImplicitTls = 1,

    /// <summary>4D mode 2: never TLS; STARTTLS is not sent even when the server offers it. Default port 25.</summary>
    NeverTls = 2,

    /// <summary>Beyond 4D: STARTTLS is required; the send fails when the server does not offer it. Default port 587.</summary>
    RequireStartTls = 3,
}
