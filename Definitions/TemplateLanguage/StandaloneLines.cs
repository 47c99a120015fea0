using System.Collections.Generic;

namespace TypedMail.Definitions.TemplateLanguage;

/// <summary>
/// Handlebars' standalone rule: a section, <c>{{else}}</c>, partial or comment tag alone on its line (only spaces or
/// tabs around it) takes the line with it, so block tags on lines of their own leave no blank lines behind.
/// </summary>
internal static class StandaloneLines
{
    public static void Trim(List<TemplateToken> tokens)
    {
        // Decide every tag on the untrimmed text first: two standalone tags may share the text between them.
        var trims = new List<(TemplateToken? Before, int BeforeCount, TemplateToken? After, int AfterCount)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsBlockLike)
            {
                continue;
            }

            var before = i > 0 ? tokens[i - 1] : null;
            var after = i + 1 < tokens.Count ? tokens[i + 1] : null;
            if (LineStart(before, isFirst: i == 1) is { } beforeCount && LineEnd(after, isLast: i + 2 == tokens.Count) is { } afterCount)
            {
                trims.Add((before, beforeCount, after, afterCount));
            }
        }

        foreach (var (before, beforeCount, after, afterCount) in trims)
        {
            if (before is not null)
            {
                before.TrimEnd = beforeCount;
            }

            if (after is not null)
            {
                after.TrimStart = afterCount;
            }
        }
    }

    /// <summary>How many spaces or tabs stand between the tag and the start of its line; null when something else does.</summary>
    private static int? LineStart(TemplateToken? before, bool isFirst)
    {
        if (before is null)
        {
            return 0;
        }

        if (before.Kind != TagKind.Text)
        {
            return null;
        }

        var text = before.Text;
        var count = 0;
        for (var k = text.Length - 1; k >= 0; k--)
        {
            if (text[k] == '\n')
            {
                return count;
            }

            if (text[k] is not (' ' or '\t'))
            {
                return null;
            }

            count++;
        }

        return isFirst ? count : null;
    }

    /// <summary>How many characters up to and including the end of the tag's line follow it; null when something else does.</summary>
    private static int? LineEnd(TemplateToken? after, bool isLast)
    {
        if (after is null)
        {
            return 0;
        }

        if (after.Kind != TagKind.Text)
        {
            return null;
        }

        var text = after.Text;
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] == '\n')
            {
                return k + 1;
            }

            if (text[k] == '\r' && k + 1 < text.Length && text[k + 1] == '\n')
            {
                return k + 2;
            }

            if (text[k] is not (' ' or '\t'))
            {
                return null;
            }
        }

        return isLast ? text.Length : null;
    }
}
