using System.Collections.Generic;

namespace TypedMail.Runtime.Tests.Support.Scripted;

/// <summary>A message the scripted server stored (it stores on the end-of-data marker, before replying).</summary>
internal sealed record ScriptedMail(int Connection, string From, IReadOnlyList<string> Recipients, string MailCommand, string Data, string? MessageId, string? Subject);

/// <summary>What one connection to the scripted server saw.</summary>
internal sealed class ScriptedConnectionRecord
{
    private readonly object _lock = new();
    private readonly List<string> _commands = new();
    private readonly List<(string Mechanism, bool Secure)> _authentications = new();

    public ScriptedConnectionRecord(int number) => Number = number;

    public int Number { get; }

    public bool QuitReceived { get; set; }

    /// <summary>Whether the connection was greeted with 421 "too many connections".</summary>
    public bool TurnedAway { get; set; }

    /// <summary>The command lines received, in order (AUTH credentials replaced by "***").</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_lock)
            {
                return _commands.ToArray();
            }
        }
    }

    /// <summary>Every AUTH received, and whether TLS was on at the time.</summary>
    public IReadOnlyList<(string Mechanism, bool Secure)> Authentications
    {
        get
        {
            lock (_lock)
            {
                return _authentications.ToArray();
            }
        }
    }

    public void Command(string line)
    {
        lock (_lock)
        {
            _commands.Add(line);
        }
    }

    public void Authentication(string mechanism, bool secure)
    {
        lock (_lock)
        {
            _authentications.Add((mechanism, secure));
        }
    }
}
