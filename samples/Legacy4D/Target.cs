namespace Legacy4D;

/// <summary>
/// Where the examples send: a real server from the command line (--host, --port, --user, --password, --from, --to) or
/// the environment (TYPEDMAIL_HOST, TYPEDMAIL_PORT, TYPEDMAIL_USER, TYPEDMAIL_PASSWORD, TYPEDMAIL_FROM, TYPEDMAIL_TO);
/// with no host, an embedded Mailbox on loopback.
/// </summary>
internal sealed record Target(string? Host, int Port, string? User, string? Password, string? From, string? To)
{
    public bool IsEmbedded => Host is null;

    public static Target Parse(string[] args)
    {
        string? Get(string name)
        {
            var i = Array.IndexOf(args, "--" + name);
            if (i >= 0)
            {
                return i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"--{name} needs a value");
            }

            var env = Environment.GetEnvironmentVariable("TYPEDMAIL_" + name.ToUpperInvariant());
            return string.IsNullOrEmpty(env) ? null : env;
        }

        var port = Get("port");
        return new Target(
            Get("host"),
            port is null ? 0 : int.TryParse(port, out var p) ? p : throw new ArgumentException($"--port '{port}' is not a number"),
            Get("user"),
            Get("password"),
            Get("from"),
            Get("to"));
    }
}
