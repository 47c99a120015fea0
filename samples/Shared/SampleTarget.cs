namespace TypedMail.Samples;

/// <summary>
/// Where a sample sends: a real server from the command line (--host, --port, --user, --password, --from, --to) or the
/// environment (TYPEDMAIL_HOST, TYPEDMAIL_PORT, TYPEDMAIL_USER, TYPEDMAIL_PASSWORD, TYPEDMAIL_FROM, TYPEDMAIL_TO);
/// with no host, an embedded Mailbox on loopback. With --to every message goes to that one address.
/// </summary>
internal sealed record SampleTarget(string? Host, int Port, string? User, string? Password, string? From, string? To)
{
    /// <summary>No host given: the sample starts its own Mailbox.</summary>
    public bool IsEmbedded => Host is null;

    /// <summary>Reads the options; a malformed one throws <see cref="ArgumentException"/> naming it.</summary>
    public static SampleTarget Read(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, "--" + name);
            if (i >= 0)
            {
                return i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"--{name} needs a value");
            }

            var variable = Environment.GetEnvironmentVariable("TYPEDMAIL_" + name.ToUpperInvariant());
            return string.IsNullOrEmpty(variable) ? null : variable;
        }

        var port = Value("port");
        var portNumber = 0;
        if (port is not null && !int.TryParse(port, out portNumber))
        {
            throw new ArgumentException($"--port '{port}' is not a number");
        }

        return new SampleTarget(Value("host"), portNumber, Value("user"), Value("password"), Value("from"), Value("to"));
    }
}
