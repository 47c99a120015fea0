using System;
using System.Collections.Generic;

namespace TypedMail.Definitions.Templates;

/// <summary>
/// Which AdditionalFiles item a <c>File =</c> template names, for generator and analyzers alike: the item whose path
/// ends with the template path, separators normalized to '/', a leading "./" or "/" ignored, case ignored (a path
/// written on Windows builds on Linux); when several items match, one whose case matches exactly wins.
/// </summary>
internal static class TemplateFiles
{
    public static bool Matches(string additionalPath, string templatePath) => Match(additionalPath, templatePath) is not null;

    /// <summary>The best matching path among <paramref name="additionalPaths"/>, or <see langword="null"/>.</summary>
    public static string? Find(IEnumerable<string> additionalPaths, string templatePath)
    {
        string? found = null;
        foreach (var path in additionalPaths)
        {
            switch (Match(path, templatePath))
            {
                case StringComparison.Ordinal:
                    return path;
                case StringComparison.OrdinalIgnoreCase:
                    found ??= path;
                    break;
            }
        }

        return found;
    }

    /// <summary>How the paths match (exactly, or ignoring case), or <see langword="null"/> when they do not.</summary>
    private static StringComparison? Match(string additionalPath, string templatePath)
    {
        var relative = Relative(templatePath);
        if (relative.Length == 0)
        {
            return null;
        }

        var full = additionalPath.Replace('\\', '/');
        foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
        {
            if (string.Equals(full, relative, comparison) || full.EndsWith("/" + relative, comparison))
            {
                return comparison;
            }
        }

        return null;
    }

    private static string Relative(string templatePath)
    {
        var relative = templatePath.Replace('\\', '/');
        while (relative.StartsWith("./", StringComparison.Ordinal))
        {
            relative = relative.Substring(2);
        }

        return relative.TrimStart('/');
    }
}
