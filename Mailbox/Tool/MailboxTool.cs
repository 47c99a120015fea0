using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using TypedMail.Mailbox.Hosting;
using TypedMail.Mailbox.Web;

namespace TypedMail.Mailbox.Tool;

/// <summary>
/// The <c>typedmail-mailbox</c> command: SMTP servers on loopback and their web inbox, until cancelled (Ctrl+C).
/// </summary>
public static class MailboxTool
{
    /// <summary>Runs the command until <paramref name="stop"/> is cancelled.</summary>
    /// <param name="args">The command line (see <c>--help</c>).</param>
    /// <param name="output">Where the addresses are printed.</param>
    /// <param name="error">Where a bad option or a failed start is explained.</param>
    /// <param name="stop">Stops the servers and the inbox; the tool's Ctrl+C.</param>
    /// <param name="started">Called with the listening inbox (for tests and hosts); may be null.</param>
    /// <returns>0 after a clean stop, 2 for a bad command line, 1 when a server could not start.</returns>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        CancellationToken stop,
        Action<MailboxToolStarted>? started = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ToolOptions options;
        try
        {
            options = ToolOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            await error.WriteLineAsync($"typedmail-mailbox: {exception.Message}").ConfigureAwait(false);
            await error.WriteLineAsync(ToolOptions.Usage).ConfigureAwait(false);
            return 2;
        }

        if (options.Help)
        {
            await output.WriteLineAsync(ToolOptions.Usage).ConfigureAwait(false);
            return 0;
        }

        var servers = new List<MailboxServer>();
        WebInbox? inbox = null;
        try
        {
            servers.Add(await StartServer(options, MailboxSecurity.StartTls, options.SmtpPort, "--smtp-port", stop).ConfigureAwait(false));
            if (options.ImplicitTlsPort is int implicitPort)
            {
                servers.Add(await StartServer(options, MailboxSecurity.ImplicitTls, implicitPort, "--implicit-tls-port", stop).ConfigureAwait(false));
            }

            var webOptions = new WebInboxOptions { Port = options.HttpPort, StoreDirectory = options.StoreDirectory };
            foreach (var path in options.PreviewAssemblies)
            {
                webOptions.PreviewAssemblyPaths.Add(path);
            }

            webOptions.Relay = options.Relay;
            if (options.SpamAssassin is { } spamAssassin)
            {
                webOptions.SpamAssassin = spamAssassin;
            }

            foreach (var (name, record) in options.DkimRecords)
            {
                webOptions.DkimRecords[name] = record;
            }

            inbox = await StartInbox(servers, webOptions, stop).ConfigureAwait(false);
            await PrintAddresses(output, options, servers, inbox).ConfigureAwait(false);
            started?.Invoke(new MailboxToolStarted(servers, inbox));

            await Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            await output.WriteLineAsync("Stopping…").ConfigureAwait(false);
            return 0;
        }
        catch (ToolStartException exception)
        {
            await error.WriteLineAsync($"typedmail-mailbox: {exception.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        finally
        {
            if (inbox is not null)
            {
                await inbox.StopAsync().ConfigureAwait(false);
            }

            foreach (var server in servers)
            {
                await server.StopAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<MailboxServer> StartServer(ToolOptions options, MailboxSecurity security, int port, string option, CancellationToken stop)
    {
        var mailboxOptions = new MailboxOptions
        {
            Port = port,
            Security = security,
            EmlDirectory = options.StoreDirectory,
            // A developer's inbox on loopback: AUTH works with or without STARTTLS; the session facts show which.
            AllowUnsecureAuthentication = true,
            Certificate = ToolCertificate.Value,
        };
        if (options.UserName is not null)
        {
            mailboxOptions.Users[options.UserName] = options.Password ?? string.Empty;
            mailboxOptions.RequireAuthentication = true;
        }

        try
        {
            return await MailboxServer.StartAsync(mailboxOptions, stop).ConfigureAwait(false);
        }
        catch (SocketException exception)
        {
            throw new ToolStartException($"cannot listen for SMTP on 127.0.0.1:{port} ({exception.Message}): choose another port with {option}.", exception);
        }
    }

    private static async Task<WebInbox> StartInbox(IReadOnlyList<MailboxServer> servers, WebInboxOptions webOptions, CancellationToken stop)
    {
        try
        {
            return await WebInbox.StartAsync(servers, webOptions, stop).ConfigureAwait(false);
        }
        catch (IOException exception) when (exception is not FileNotFoundException)
        {
            throw new ToolStartException($"cannot listen for HTTP on 127.0.0.1:{webOptions.Port} ({exception.Message}): choose another port with --http-port.", exception);
        }
        catch (Exception exception) when (exception is FileNotFoundException or BadImageFormatException or FileLoadException)
        {
            throw new ToolStartException($"--previews: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// The tool's certificate, kept under the user's local application data so that its thumbprint (and the
    /// appsettings.Development.json that trusts it) survives a restart.
    /// </summary>
    private static readonly Lazy<X509Certificate2> ToolCertificate = new(() => SelfSignedCertificate.Persistent(
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "TypedMail", "mailbox-localhost.pfx")));

    /// <summary>A ready-to-paste appsettings.Development.json that sends to <paramref name="server"/> over STARTTLS, trusting its certificate.</summary>
    internal static string DevelopmentSettings(MailboxServer server, string thumbprint, ToolOptions options)
    {
        // "UserName": "" overrides a production UserName of appsettings.json: the tool without --user takes no AUTH.
        var credentials = options.UserName is null
            ? "\n    \"Auth\": \"Default\",\n    \"UserName\": \"\","
            : $"\n    \"Auth\": \"Login\",\n    \"UserName\": \"{options.UserName}\",\n    \"Password\": \"{options.Password}\",";
        return "{\n  \"TypedMail\": {\n"
            + $"    \"Host\": \"{server.Host}\",\n    \"Port\": {server.Port},\n    \"Mode\": \"{(options.UserName is null ? "Upgradable" : "RequireStartTls")}\",{credentials}\n"
            + $"    \"TrustedCertificateThumbprint\": \"{thumbprint}\"\n  }}\n}}";
    }

    private static async Task PrintAddresses(TextWriter output, ToolOptions options, IReadOnlyList<MailboxServer> servers, WebInbox inbox)
    {
        await output.WriteLineAsync("TypedMail Mailbox").ConfigureAwait(false);
        foreach (var server in servers)
        {
            var how = server.Security == MailboxSecurity.ImplicitTls ? "implicit TLS" : "plain, STARTTLS offered";
            await output.WriteLineAsync($"  SMTP:     {server.Host}:{server.Port} ({how})").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  Inbox:    {inbox.Address}").ConfigureAwait(false);
        var thumbprint = SelfSignedCertificate.Sha256Thumbprint(servers[0].Certificate);
        await output.WriteLineAsync($"  TLS:      self-signed certificate, SHA-256 thumbprint {thumbprint}").ConfigureAwait(false);
        await output.WriteLineAsync("            To send to it from your app, put this in appsettings.Development.json:").ConfigureAwait(false);
        await output.WriteLineAsync(DevelopmentSettings(servers[0], thumbprint, options)).ConfigureAwait(false);
        if (options.UserName is not null)
        {
            await output.WriteLineAsync($"  AUTH:     required, user {options.UserName} (PLAIN, LOGIN)").ConfigureAwait(false);
        }

        if (options.Relay is { } relay)
        {
            await output.WriteLineAsync($"  Relay:    {relay.Host}:{relay.EffectivePort} ({relay.Mode}{(relay.UserName is null ? string.Empty : ", user " + relay.UserName)}): Release forwards a message there").ConfigureAwait(false);
        }

        if (options.StoreDirectory is not null)
        {
            await output.WriteLineAsync($"  Store:    {Path.GetFullPath(options.StoreDirectory)}").ConfigureAwait(false);
        }

        if (options.PreviewAssemblies.Count > 0)
        {
            await output.WriteLineAsync($"  Previews: {inbox.PreviewedTypes} message type(s) at {inbox.Address}previews").ConfigureAwait(false);
        }

        await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
    }

    private sealed class ToolStartException(string message, Exception inner) : Exception(message, inner);
}
