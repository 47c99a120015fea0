using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace TypedMail;

public sealed partial class SmtpMessage
{
    /// <summary>
    /// SMTP_Auth: the credentials and mechanism. As in 4D, an empty user name or password makes the call do nothing:
    /// credentials set before stay.
    /// </summary>
    public void SetAuth(string? userName, string? password, AuthMode mode = AuthMode.Default)
    {
        ThrowIfDisposed();
        if (mode is < AuthMode.Default or > AuthMode.CramMd5)
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument, $"AUTH mode {(int)mode} is not 0, 1, 2 or 3.");
        }

        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password))
        {
            return;
        }

        _userName = userName;
        _password = password;
        _authMode = mode;
    }

    /// <summary>
    /// The settings a send of this message uses: its host, port, timeout and credentials with <paramref name="mode"/>.
    /// Adjust the copy (e.g. <see cref="SmtpSettings.AcceptedServerCertificate"/>) and pass it to <see cref="SendAsync(SmtpSettings, CancellationToken)"/>.
    /// </summary>
    public SmtpSettings ToSettings(SessionMode mode = SessionMode.Upgradable)
    {
        ThrowIfDisposed();
        var credentials = HasCredentials;
        return new SmtpSettings
        {
            Host = _host,
            Port = _port,
            Mode = mode,
            Auth = _authMode,
            UserName = credentials ? _userName : null,
            Password = credentials ? _password : null,
            TimeoutSeconds = _timeoutSeconds ?? SmtpDefaults.TimeoutSeconds,
        };
    }

    /// <summary>SMTP_Send: sends with this message's own settings and <paramref name="mode"/>. The message is not changed.</summary>
    public SendResult Send(SessionMode mode = SessionMode.Upgradable)
    {
        ThrowIfDisposed();
        return BlockingSend.Run(ToSettings(mode), null, sender => sender.SendAsync(this));
    }

    /// <summary>Sends with this message's own settings and <paramref name="mode"/> over a connection of its own.</summary>
    public Task<SendResult> SendAsync(SessionMode mode = SessionMode.Upgradable, CancellationToken cancellationToken = default) =>
        SendAsync(ToSettings(mode), cancellationToken);

    /// <summary>Sends with the given settings over a connection of its own, closed afterwards.</summary>
    public Task<SendResult> SendAsync(SmtpSettings settings, CancellationToken cancellationToken = default) =>
        SendAsync(settings, null, cancellationToken);

    /// <summary>Sends with the given settings over a connection of its own, closed afterwards, logging to <paramref name="logger"/>.</summary>
    public async Task<SendResult> SendAsync(SmtpSettings settings, ILogger? logger, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var sender = new SmtpSender(settings, logger);
        await using (sender.ConfigureAwait(false))
        {
            // Disposing sends QUIT.
            return await sender.SendAsync(this, cancellationToken).ConfigureAwait(false);
        }
    }
}
