using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TypedMail.Analyzers.Templates;

/// <summary>
/// Finds the AdditionalFiles item of a <c>File =</c> template the way the generator does: the item whose path ends
/// with the given relative path, separators normalized to '/', compared ordinally.
/// </summary>
internal static class TemplateFiles
{
    public static AdditionalText? Find(ImmutableArray<AdditionalText> files, string relativePath)
    {
        var wanted = Normalize(relativePath);
        while (wanted.StartsWith("./", System.StringComparison.Ordinal))
        {
            wanted = wanted.Substring(2);
        }

        wanted = wanted.TrimStart('/');
        if (wanted.Length == 0)
        {
            return null;
        }

        foreach (var file in files)
        {
            var path = Normalize(file.Path);
            if (path == wanted || path.EndsWith("/" + wanted, System.StringComparison.Ordinal))
            {
                return file;
            }
        }

        return null;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
