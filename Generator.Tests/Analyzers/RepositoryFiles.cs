using System;
using System.IO;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>Finds the repository's own files from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TypedMail.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TypedMail.sln not found above " + AppContext.BaseDirectory);
    }
}
