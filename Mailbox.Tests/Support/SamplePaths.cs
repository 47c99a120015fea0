using System;
using System.IO;

namespace TypedMail.Mailbox.Tests.Support;

/// <summary>Where the repository's samples are built, beside this test assembly's own configuration.</summary>
internal static class SamplePaths
{
    /// <summary>samples/MailMerge's MailMerge.dll, built before the tests (a project reference without its output).</summary>
    public static string MailMergeAssembly => Built(Path.Combine("samples", "MailMerge"), "MailMerge.dll");

    /// <summary>The typedmail-mailbox program as Mailbox.Tool builds it (run with <c>dotnet</c>).</summary>
    public static string ToolAssembly => Built("Mailbox.Tool", "typedmail-mailbox.dll");

    private static string Built(string project, string file)
    {
        // .../Mailbox.Tests/bin/<Configuration>/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var repository = output.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(repository, project, "bin", configuration, output.Name, file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{file} is not built at {path}.", path);
    }
}
