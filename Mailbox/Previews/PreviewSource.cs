using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail.Mailbox.Previews;

/// <summary>
/// The previews shown now, and their refresh: each assembly given by path is watched, and when a build rewrites it the
/// catalog is rebuilt from the new files in new load contexts, the old ones unloaded; no restart. A rebuild that cannot
/// be loaded (a half-written file, a broken build) keeps the previous catalog and says why in <see cref="ReloadError"/>.
/// </summary>
internal sealed class PreviewSource : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(400);
    private const int Attempts = 6;

    private readonly object _gate = new();
    private readonly IReadOnlyList<Assembly> _loaded;
    private readonly IReadOnlyList<string> _paths;
    private readonly List<FileSystemWatcher> _watchers = new();
    private readonly Timer _reload;
    private List<AssemblyLoadContext> _contexts;
    private PreviewCatalog _current;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _version;
    private int _failedAttempts;
    private string? _reloadError;
    private bool _disposed;

    private PreviewSource(IReadOnlyList<Assembly> loaded, IReadOnlyList<string> paths)
    {
        _loaded = loaded;
        _paths = paths;
        (_current, _contexts) = Build(loaded, paths);
        _reload = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>The previews now.</summary>
    public PreviewCatalog Current
    {
        get { lock (_gate) { return _current; } }
    }

    /// <summary>Grows by one each time the previews are rebuilt (or a rebuild fails).</summary>
    public int Version
    {
        get { lock (_gate) { return _version; } }
    }

    /// <summary>Why the last rebuild could not be loaded (the previous one is still shown); null when it loaded.</summary>
    public string? ReloadError
    {
        get { lock (_gate) { return _reloadError; } }
    }

    private readonly List<WeakReference> _unloaded = new();

    /// <summary>The load contexts of earlier builds, for a test to see them collected once unloaded.</summary>
    internal IReadOnlyList<WeakReference> Unloaded
    {
        get { lock (_gate) { return _unloaded.ToArray(); } }
    }

    /// <summary>Loads <paramref name="loaded"/> and the assemblies at <paramref name="paths"/>, and watches those files.</summary>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    public static PreviewSource Start(IEnumerable<Assembly> loaded, IEnumerable<string> paths)
    {
        var source = new PreviewSource(loaded.ToArray(), paths.Select(Path.GetFullPath).ToArray());
        source.Watch();
        return source;
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

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _changed.TrySetCanceled();
        }

        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _reload.Dispose();
        lock (_gate)
        {
            Unload(_contexts);
            _contexts = new List<AssemblyLoadContext>();
        }
    }

    private static (PreviewCatalog Catalog, List<AssemblyLoadContext> Contexts) Build(IReadOnlyList<Assembly> loaded, IReadOnlyList<string> paths)
    {
        var contexts = new List<AssemblyLoadContext>();
        try
        {
            var assemblies = loaded.ToList();
            foreach (var path in paths)
            {
                var (assembly, context) = PreviewAssemblyLoader.LoadCollectible(path);
                contexts.Add(context);
                assemblies.Add(assembly);
            }

            // The catalog keeps bytes and the host's own MimeKit messages only: nothing of the contexts outlives this.
            var catalog = assemblies.Count == 0 ? PreviewCatalog.Empty : PreviewCatalog.Build(assemblies);
            return (catalog, contexts);
        }
        catch
        {
            Unload(contexts);
            throw;
        }
    }

    private void Watch()
    {
        foreach (var path in _paths)
        {
            var watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += (_, _) => Rewritten();
            watcher.Created += (_, _) => Rewritten();
            watcher.Renamed += (_, _) => Rewritten();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    // A build writes the file in several steps: wait until it has been quiet for a moment.
    private void Rewritten()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _failedAttempts = 0;
                _reload.Change(Settle, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Reload()
    {
        PreviewCatalog catalog;
        List<AssemblyLoadContext> contexts;
        try
        {
            (catalog, contexts) = Build(_loaded, _paths);
        }
        catch (Exception exception)
        {
            // Any failure of a rebuild (a file half-written, a broken build) is shown, never thrown on the timer's thread.
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                // Perhaps still being written: try again a few times before saying so.
                if (++_failedAttempts < Attempts)
                {
                    _reload.Change(Settle, Timeout.InfiniteTimeSpan);
                    return;
                }

                _reloadError = $"The rebuilt previews assembly could not be loaded, so the previous build is still shown: {exception.Message}";
                Changed();
            }

            return;
        }

        List<AssemblyLoadContext> old;
        lock (_gate)
        {
            if (_disposed)
            {
                Unload(contexts);
                return;
            }

            old = _contexts;
            _contexts = contexts;
            _current = catalog;
            _reloadError = null;
            Changed();
        }

        lock (_gate)
        {
            _unloaded.AddRange(old.Select(context => new WeakReference(context)));
        }

        Unload(old);
    }

    private void Changed()
    {
        _version++;
        _changed.TrySetResult();
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static void Unload(IEnumerable<AssemblyLoadContext> contexts)
    {
        foreach (var context in contexts)
        {
            context.Unload();
        }
    }
}
