using System.Linq;
using System.Net.Security;

namespace TypedMail;

/// <summary>Server certificate validation: always on; an explicitly accepted certificate or a caller's callback are the only exceptions.</summary>
internal static class CertificateTrust
{
    public static RemoteCertificateValidationCallback Create(SmtpSettings settings)
    {
        if (settings.ServerCertificateValidationCallback is { } callback)
        {
            return callback;
        }

        var acceptedHash = settings.AcceptedServerCertificate?.GetCertHash();
        return (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None
            || (acceptedHash is not null && certificate is not null && certificate.GetCertHash().SequenceEqual(acceptedHash));
    }
}
