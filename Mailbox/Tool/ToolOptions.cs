using System;
using System.Collections.Generic;
using System.Globalization;

namespace TypedMail.Mailbox.Tool;

/// <summary>The command line of <c>typedmail-mailbox</c>, read with an error that names the option at fault.</summary>
internal sealed record ToolOptions
{
    public const string Usage = """
        Usage: typedmail-mailbox [options]

          --smtp-port N           SMTP port, plain with STARTTLS offered (default 2525; 0 takes a free one)
          --http-port N           web inbox port (default 5080; 0 takes a free one)
          --implicit-tls-port N   also listen with implicit TLS (as on 465) on port N
          --user NAME:PASSWORD    require AUTH (PLAIN or LOGIN) with this user
          --store DIR             keep each message as an .eml file in DIR, and show them again after a restart
          --previews PATH         an application's .dll whose [PreviewData] samples the Previews page renders (repeatable)
          --dkim-record NAME=FILE the DKIM key the DKIM tab verifies with: NAME is selector._domainkey.domain, FILE holds
                                  the TXT record's text ("v=DKIM1; k=rsa; p=..."), or give that text after = (repeatable)
          --relay HOST:PORT       Release forwards a message to this real SMTP server (for a look in a real client)
          --relay-mode MODE       how to secure it, as TypedMail's SessionMode: Upgradable (default), RequireStartTls,
                                  ImplicitTls, NeverTls
          --relay-user NAME:PASSWORD  AUTH on the relay
          --relay-certificate FILE    trust this certificate (.pem/.cer) as the relay's, e.g. another mailbox's
          --spamassassin PATH     the spamassassin program for the SpamAssassin tab (default: spamassassin on PATH)
          --help                  this text

        Everything listens on 127.0.0.1 only. Ctrl+C stops.
        """;

    public int SmtpPort { get; init; } = 2525;

    public int HttpPort { get; init; } = 5080;

    public int? ImplicitTlsPort { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    public string? StoreDirectory { get; init; }

    public IReadOnlyList<string> PreviewAssemblies { get; init; } = [];

    /// <summary>The DKIM records given with --dkim-record: name to the TXT record's text.</summary>
    public IReadOnlyDictionary<string, string> DkimRecords { get; init; } = new Dictionary<string, string>();

    public string? SpamAssassin { get; init; }

    /// <summary>The relay Release sends to, as TypedMail settings; null without --relay.</summary>
    public SmtpSettings? Relay { get; init; }

    public bool Help { get; init; }

    /// <summary>Reads <paramref name="args"/>; throws <see cref="ArgumentException"/> naming the option at fault.</summary>
    public static ToolOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ToolOptions();
        var previews = new List<string>();
        var dkimRecords = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new ArgumentException($"{name} needs a value.");

            options = name switch
            {
                "--smtp-port" => options with { SmtpPort = Port(name, Value()) },
                "--http-port" => options with { HttpPort = Port(name, Value()) },
                "--implicit-tls-port" => options with { ImplicitTlsPort = Port(name, Value()) },
                "--user" => WithUser(options, Value()),
                "--store" => options with { StoreDirectory = Value() },
                "--previews" => Add(options, previews, Value()),
                "--spamassassin" => options with { SpamAssassin = Value() },
                "--relay" => options with { Relay = WithRelay(options.Relay, Value()) },
                "--relay-mode" => options with { Relay = WithRelayMode(options.Relay, Value()) },
                "--relay-user" => options with { Relay = WithRelayUser(options.Relay, Value()) },
                "--relay-certificate" => options with { Relay = WithRelayCertificate(options.Relay, Value()) },
                "--dkim-record" => AddDkimRecord(options, dkimRecords, Value()),
                "--help" or "-h" or "-?" => options with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        if (options.Relay is { Host: null })
        {
            throw new ArgumentException("--relay-mode, --relay-user and --relay-certificate need --relay HOST:PORT.");
        }

        return options with { PreviewAssemblies = previews, DkimRecords = dkimRecords };
    }

    private static ToolOptions Add(ToolOptions options, List<string> previews, string path)
    {
        previews.Add(path);
        return options;
    }

    private static ToolOptions AddDkimRecord(ToolOptions options, Dictionary<string, string> records, string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var name = equals > 0 ? value[..equals].Trim() : string.Empty;
        if (!name.Contains("._domainkey.", StringComparison.OrdinalIgnoreCase) || equals == value.Length - 1)
        {
            throw new ArgumentException($"--dkim-record '{value}' must be SELECTOR._domainkey.DOMAIN=FILE (or =the record's text).");
        }

        var given = value[(equals + 1)..];
        string record;
        if (given.TrimStart().StartsWith("v=DKIM1", StringComparison.OrdinalIgnoreCase) || given.Contains("p=", StringComparison.Ordinal))
        {
            record = given;
        }
        else if (System.IO.File.Exists(given))
        {
            record = System.IO.File.ReadAllText(given).Trim();
        }
        else
        {
            throw new ArgumentException($"--dkim-record {name}: '{given}' is neither a file nor a DKIM record's text (\"v=DKIM1; k=rsa; p=...\").");
        }

        records[name] = record;
        return options;
    }

    private static SmtpSettings WithRelay(SmtpSettings? relay, string value)
    {
        relay ??= new SmtpSettings();
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"--relay '{value}' must be HOST:PORT, the port from 1 to 65535 (e.g. smtp.example.com:587).");
        }

        relay.Host = value[..colon].Trim('[', ']');
        relay.Port = port;
        return relay;
    }

    private static SmtpSettings WithRelayMode(SmtpSettings? relay, string value)
    {
        relay ??= new SmtpSettings();
        relay.Mode = Enum.TryParse<SessionMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(value, out _)
            ? mode
            : throw new ArgumentException($"--relay-mode '{value}' is not one of {string.Join(", ", Enum.GetNames<SessionMode>())}.");
        return relay;
    }

    private static SmtpSettings WithRelayUser(SmtpSettings? relay, string value)
    {
        relay ??= new SmtpSettings();
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
        {
            throw new ArgumentException("--relay-user must be NAME:PASSWORD, both non-empty.");
        }

        relay.UserName = value[..colon];
        relay.Password = value[(colon + 1)..];
        return relay;
    }

    private static SmtpSettings WithRelayCertificate(SmtpSettings? relay, string path)
    {
        relay ??= new SmtpSettings();
        try
        {
            relay.AcceptedServerCertificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (Exception exception) when (exception is System.IO.IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ArgumentException($"--relay-certificate '{path}' is not a readable certificate file (.pem or .cer): {exception.Message}");
        }

        return relay;
    }

    private static ToolOptions WithUser(ToolOptions options, string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
        {
            throw new ArgumentException($"--user '{value}' must be NAME:PASSWORD, both non-empty.");
        }

        return options with { UserName = value[..colon], Password = value[(colon + 1)..] };
    }

    private static int Port(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"{name} '{value}' is not a port number (0 to 65535).");
}
