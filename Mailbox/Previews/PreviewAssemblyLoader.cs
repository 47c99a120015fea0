using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace TypedMail.Mailbox.Previews;

/// <summary>
/// Loads an application's assembly for its previews, in a collectible load context of its own that finds its
/// dependencies (its TypedMail, MimeKit...) beside it through its .deps.json, so the tool's own versions never get in
/// the way. Every file is read into memory first, so the build that rewrites them is never blocked by a lock, and the
/// context can be unloaded once a rebuild has replaced it.
/// </summary>
internal sealed class PreviewAssemblyLoader : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _directory;

    private PreviewAssemblyLoader(string path)
        : base($"previews:{Path.GetFileName(path)}", isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(path);
        _directory = Path.GetDirectoryName(path)!;
    }

    /// <summary>
    /// Loads the assembly at <paramref name="path"/> in a new context, returned to be unloaded when the assembly is no
    /// longer used; a missing or unreadable file is an error that names it.
    /// </summary>
    public static (Assembly Assembly, AssemblyLoadContext Context) LoadCollectible(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The previews assembly '{fullPath}' does not exist: build the application first, or give the path of its .dll.", fullPath);
        }

        var context = new PreviewAssemblyLoader(fullPath);
        try
        {
            return (context.FromFile(fullPath), context);
        }
        catch (BadImageFormatException exception)
        {
            context.Unload();
            throw new BadImageFormatException($"'{fullPath}' is not a .NET assembly (give the application's .dll, not its native launcher).", fullPath, exception);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (_resolver.ResolveAssemblyToPath(assemblyName) is { } resolved)
        {
            return FromFile(resolved);
        }

        // No .deps.json entry: an assembly beside the application, or else the shared framework's (null).
        var beside = Path.Combine(_directory, assemblyName.Name + ".dll");
        return File.Exists(beside) ? FromFile(beside) : null;
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } resolved ? LoadUnmanagedDllFromPath(resolved) : IntPtr.Zero;

    private Assembly FromFile(string path)
    {
        using var image = new MemoryStream(File.ReadAllBytes(path), writable: false);
        return LoadFromStream(image);
    }
}
