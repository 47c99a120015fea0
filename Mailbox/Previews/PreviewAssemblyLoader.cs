using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace TypedMail.Mailbox.Previews;

/// <summary>
/// Loads an application's assembly for its previews, in a load context of its own that finds its dependencies (its
/// TypedMail, MimeKit...) beside it through its .deps.json, so the tool's own versions never get in the way.
/// </summary>
internal sealed class PreviewAssemblyLoader : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _directory;

    private PreviewAssemblyLoader(string path)
        : base($"previews:{Path.GetFileName(path)}")
    {
        _resolver = new AssemblyDependencyResolver(path);
        _directory = Path.GetDirectoryName(path)!;
    }

    /// <summary>Loads the assembly at <paramref name="path"/>; a missing or unreadable file is an error that names it.</summary>
    public static Assembly Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The previews assembly '{fullPath}' does not exist: build the application first, or give the path of its .dll.", fullPath);
        }

        try
        {
            return new PreviewAssemblyLoader(fullPath).LoadFromAssemblyPath(fullPath);
        }
        catch (BadImageFormatException exception)
        {
            throw new BadImageFormatException($"'{fullPath}' is not a .NET assembly (give the application's .dll, not its native launcher).", fullPath, exception);
        }
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (_resolver.ResolveAssemblyToPath(assemblyName) is { } resolved)
        {
            return LoadFromAssemblyPath(resolved);
        }

        // No .deps.json entry: an assembly beside the application, or else the shared framework's (null).
        var beside = Path.Combine(_directory, assemblyName.Name + ".dll");
        return File.Exists(beside) ? LoadFromAssemblyPath(beside) : null;
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } resolved ? LoadUnmanagedDllFromPath(resolved) : IntPtr.Zero;
}
