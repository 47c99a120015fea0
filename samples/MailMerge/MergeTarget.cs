namespace MailMerge;

/// <summary>
/// Where the merge goes: a real server from the command line (--host, --port, --user, --password, --to) or the
/// environment (TYPEDMAIL_HOST, TYPEDMAIL_PORT, TYPEDMAIL_USER, TYPEDMAIL_PASSWORD, TYPEDMAIL_TO); with no host, an
/// embedded Mailbox on loopback. With --to every copy goes to that one address (a dry run against a real server).
/// </summary>
internal sealed record MergeTarget(string? Host, int Port, string? User, string? Password, string? To)
{
    public bool IsEmbedded => Host is null;

    public static MergeTarget Read(string[] args)
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

        return new MergeTarget(Value("host"), portNumber, Value("user"), Value("password"), Value("to"));
    }
}
