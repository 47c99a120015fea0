using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Mailbox.Protocol;
using TypedMail.Mailbox.Web.Json;

namespace TypedMail.Mailbox.Web;

/// <summary>
/// The messages the web inbox shows: those kept in the store folder by earlier runs, then every message the servers
/// accept, as they arrive. Each change bumps <see cref="Version"/> and wakes the pages waiting for one.
/// </summary>
internal sealed class InboxView : IDisposable
{
    private const string FactsExtension = ".facts.json";
    private static readonly JsonSerializerOptions FactsJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly object _gate = new();
    private readonly List<InboxEntry> _entries = new();
    private readonly Dictionary<string, InboxEntry> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<ReceivedMessage> _shown = new(ReferenceEqualityComparer.Instance);
    private readonly IReadOnlyList<(MailboxServer Server, string Listener)> _servers;
    private readonly List<(MailboxServer Server, EventHandler<ReceivedMessage> Handler)> _subscriptions = new();
    private TaskCompletionSource _changed = NewSignal();
    private int _nextId;
    private int _version;

    public InboxView(IReadOnlyList<(MailboxServer Server, string Listener)> servers, string? storeDirectory)
    {
        _servers = servers;
        if (storeDirectory is not null && Directory.Exists(storeDirectory))
        {
            foreach (var eml in Directory.EnumerateFiles(storeDirectory, "*.eml").Order(StringComparer.Ordinal))
            {
                Append(LoadStored(eml));
            }
        }

        foreach (var (server, listener) in servers)
        {
            EventHandler<ReceivedMessage> handler = (_, message) => Add(server, message, listener);
            server.MessageReceived += handler;
            _subscriptions.Add((server, handler));
            foreach (var message in server.Messages)
            {
                Add(server, message, listener);
            }
        }
    }

    /// <summary>Grows by one at each change; the pages compare it with the one they showed.</summary>
    public int Version
    {
        get { lock (_gate) { return _version; } }
    }

    /// <summary>
    /// One page of the messages that match <paramref name="query"/> (all when null), newest first, and how many match.
    /// Without a query only the page is copied, so the first page of a large inbox costs what it shows.
    /// </summary>
    public (IReadOnlyList<InboxEntry> Page, int Total) Page(InboxQuery? query, int skip, int take)
    {
        InboxEntry[] all;
        lock (_gate)
        {
            if (query is null)
            {
                var total = _entries.Count;
                var count = Math.Clamp(total - skip, 0, take);
                var page = new InboxEntry[count];
                for (var i = 0; i < count; i++)
                {
                    page[i] = _entries[total - 1 - skip - i];
                }

                return (page, total);
            }

            all = _entries.ToArray();
        }

        // Matching may parse bodies: outside the lock, so arrivals are never held up by a search, and on every core.
        var matches = Enumerable.Range(0, all.Length)
            .Select(index => all[all.Length - 1 - index])
            .AsParallel()
            .AsOrdered()
            .Where(query.Matches)
            .ToArray();
        return (matches.Skip(skip).Take(take).ToArray(), matches.Length);
    }

    /// <summary>Forgets one message, in its server too, and deletes its stored files; false when there is no such message.</summary>
    public bool Remove(string id)
    {
        InboxEntry? removed;
        lock (_gate)
        {
            if (!_byId.Remove(id, out removed))
            {
                return false;
            }

            _entries.Remove(removed);
            if (removed.Origin is var (_, received))
            {
                _shown.Remove(received);
            }
            Changed();
        }

        if (removed.Origin is var (server, message))
        {
            server.Remove(message);
        }

        if (removed.EmlPath is { } path)
        {
            File.Delete(path);
            File.Delete(FactsPath(path));
        }

        return true;
    }

    public InboxEntry? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    /// <summary>Completes when <see cref="Version"/> differs from <paramref name="known"/>; returns the new version.</summary>
    public async Task<int> WaitForChangeAsync(int known, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_version != known)
                {
                    return _version;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets every message, in the servers too, and deletes the stored files of those shown.</summary>
    public void Clear()
    {
        InboxEntry[] removed;
        lock (_gate)
        {
            removed = _entries.ToArray();
            _entries.Clear();
            _byId.Clear();
            _shown.Clear();
            foreach (var (server, _) in _servers)
            {
                server.Clear();
            }

            Changed();
        }

        foreach (var path in removed.Select(entry => entry.EmlPath).OfType<string>())
        {
            File.Delete(path);
            File.Delete(FactsPath(path));
        }
    }

    public void Dispose()
    {
        foreach (var (server, handler) in _subscriptions)
        {
            server.MessageReceived -= handler;
        }

        lock (_gate)
        {
            _changed.TrySetCanceled();
        }
    }

    private void Add(MailboxServer server, ReceivedMessage message, string listener)
    {
        var session = message.Session;
        var facts = new SessionJson(
            session.Number,
            listener,
            message.Secure,
            message.StartTlsIssued,
            session.TlsProtocol,
            session.AuthMechanism,
            message.AuthenticatedUser,
            message.Transcript.Opening,
            message.Transcript.Transaction,
            message.Transcript.EarlierMessages);
        var raw = message.RawMime;
        var row = InboxRow.Of(StoredMessage.Parse(raw)); // parsed once for its row, then only its bytes are kept
        lock (_gate)
        {
            // A message can come twice: from the server's list at start and from its event.
            if (!_shown.Add(message))
            {
                return;
            }

            var document = new MailDocument(NextId(), raw);
            Append(new InboxEntry(document, message.ReceivedAt, message.MailFrom ?? string.Empty, message.Recipients, facts, message.EmlPath, row, (server, message)));
            Changed();
        }

        if (message.EmlPath is { } emlPath)
        {
            var stored = new StoredFactsJson(message.ReceivedAt, message.MailFrom ?? string.Empty, message.Recipients, facts);
            try
            {
                File.WriteAllText(FactsPath(emlPath), JsonSerializer.Serialize(stored, FactsJson));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The message itself is stored and shown; after a restart it is listed with its header addresses only.
            }
        }
    }

    private void Append(InboxEntry entry)
    {
        _entries.Add(entry);
        _byId[entry.Document.Id] = entry;
    }

    private InboxEntry LoadStored(string emlPath)
    {
        var raw = File.ReadAllBytes(emlPath);
        var message = StoredMessage.Parse(raw);
        var facts = ReadFacts(emlPath);
        var document = new MailDocument(NextId(), raw);
        var row = InboxRow.Of(message);
        if (facts is null)
        {
            // An .eml put there by hand: the envelope is unknown, so show the header addresses.
            var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(mailbox => mailbox.Address).ToArray();
            var session = new SessionJson(null, "stored", false, false, null, null, null, [], [], 0);
            return new InboxEntry(document, File.GetLastWriteTimeUtc(emlPath), message.From.Mailboxes.FirstOrDefault()?.Address ?? string.Empty, recipients, session, emlPath, row);
        }

        return new InboxEntry(document, facts.ReceivedAt, facts.MailFrom, facts.Recipients, facts.Session.Complete(), emlPath, row);
    }

    private static StoredFactsJson? ReadFacts(string emlPath)
    {
        var path = FactsPath(emlPath);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StoredFactsJson>(File.ReadAllText(path), FactsJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FactsPath(string emlPath) => Path.ChangeExtension(emlPath, FactsExtension);

    private string NextId() => (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Changed()
    {
        _version++;
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
