using System;
using System.IO;

namespace TypedMail.Mailbox.Tests.Support;

/// <summary>Where the repository's samples are built, beside this test assembly's own configuration.</summary>
internal static class SamplePaths
{
    /// <summary>samples/MailMerge's MailMerge.dll, built before the tests (a project reference without its output).</summary>
    public static string MailMergeAssembly
    {
        get
        {
            // .../Mailbox.Tests/bin/<Configuration>/net10.0/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent!.Name;
            var repository = output.Parent.Parent!.Parent!.Parent!.FullName;
            var path = Path.Combine(repository, "samples", "MailMerge", "bin", configuration, output.Name, "MailMerge.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"MailMerge.dll is not built at {path}.", path);
        }
    }
}
