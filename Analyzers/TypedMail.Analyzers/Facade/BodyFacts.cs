using Microsoft.CodeAnalysis.Operations;

namespace TypedMail.Analyzers.Facade;

/// <summary>What one method body sets, whatever the order: ports per protocol and whether it authenticates.</summary>
internal sealed class BodyFacts
{
    private (bool Set, int? Value, IArgumentOperation? Argument) _smtpPort;
    private (bool Set, int? Value, IArgumentOperation? Argument) _sslPort;

    /// <summary>Whether a call with a non-empty (or run-time) user name is made.</summary>
    public bool Authenticated { get; private set; }

    /// <summary>Whether the argument is a user name that configures authentication: non-empty, or known only at run time.</summary>
    public static bool IsUser(IArgumentOperation argument) =>
        !(argument.Value.ConstantValue.HasValue && string.IsNullOrEmpty(argument.Value.ConstantValue.Value as string));

    public void Authenticate(IArgumentOperation? user)
    {
        if (user is not null && IsUser(user))
        {
            Authenticated = true;
        }
    }

    /// <summary>Records a port: for protocol 2 (SMTP), 12 (SMTP over SSL), or null for the message's own port (both).</summary>
    public void SetPort(int? protocol, IArgumentOperation? argument)
    {
        int? value = CallArguments.TryInt(argument, out var port) ? port : null;
        if (protocol is null or 2)
        {
            _smtpPort = (true, value, argument);
        }

        if (protocol is null or 12)
        {
            _sslPort = (true, value, argument);
        }
    }

    /// <summary>The port a send in <paramref name="mode"/> uses: protocol 12's for implicit TLS, else protocol 2's; unknown when not set here.</summary>
    public (int? Port, IArgumentOperation? Argument) PortFor(TypedMail.SessionMode mode)
    {
        var entry = mode == TypedMail.SessionMode.ImplicitTls ? _sslPort : _smtpPort;
        return entry.Set ? (entry.Value, entry.Argument) : (null, null);
    }
}
