namespace TypedMail;

/// <summary>The SASL mechanism used to authenticate (4D's <c>SMTP_Auth</c> mode).</summary>
public enum AuthMode
{
    /// <summary>4D mode 0: the most secure mechanism the server offers, ranked CRAM-MD5, then LOGIN, then PLAIN.</summary>
    Default = 0,

    /// <summary>4D mode 1: AUTH PLAIN.</summary>
    Plain = 1,

    /// <summary>4D mode 2: AUTH LOGIN (the only one Exchange accepts for STARTTLS submission).</summary>
    Login = 2,

    /// <summary>4D mode 3: AUTH CRAM-MD5.</summary>
    CramMd5 = 3,

    /// <summary>
    /// Beyond 4D (its modes are 0 to 3): OAuth2 bearer token, with SASL OAUTHBEARER (RFC 7628) or XOAUTH2 (Microsoft 365,
    /// Gmail), whichever the server offers. The token comes from <see cref="SmtpSettings.AccessTokenProvider"/>, asked for
    /// on every new connection; <see cref="SmtpSettings.UserName"/> is the account's address.
    /// </summary>
    OAuth2 = 10,
}
