using System.Collections.Generic;
using System.Linq;

namespace TypedMail.Definitions.TemplateLanguage;

/// <summary>
/// Builds the syntax tree from the lexer's tokens: sections nest, <c>{{else}}</c> belongs to the innermost
/// <c>#if</c>/<c>#unless</c>, loop variables and <c>../</c> stay inside loops, a layout has one <c>{{> body}}</c>.
/// </summary>
internal static class TemplateParser
{
    private sealed class Section
    {
        public Section(TemplateToken? open, TemplatePath? path)
        {
            Open = open;
            Path = path;
        }

        public TemplateToken? Open { get; }

        public TemplatePath? Path { get; }

        public List<TemplateNode> Then { get; } = new();

        public List<TemplateNode>? Else { get; set; }

        public List<TemplateNode> Current => Else ?? Then;

        public string Keyword => Open?.Text ?? string.Empty;
    }

    public static TemplateSyntax Parse(string text, TemplateRole role)
    {
        var errors = new List<TemplateSyntaxError>();
        var tokens = TemplateLexer.Read(text, errors);
        StandaloneLines.Trim(tokens);
        var stack = new Stack<Section>();
        var root = new Section(null, null);
        stack.Push(root);
        var loops = 0;
        var bodies = 0;
        foreach (var token in tokens)
        {
            var section = stack.Peek();
            switch (token.Kind)
            {
                case TagKind.Text:
                    AddText(section.Current, token);
                    break;
                case TagKind.Comment:
                    break;
                case TagKind.Value:
                case TagKind.RawValue:
                    if (Value(token, loops, errors) is { } value)
                    {
                        section.Current.Add(value);
                    }

                    break;
                case TagKind.OpenEach:
                case TagKind.OpenIf:
                case TagKind.OpenUnless:
                    var path = SectionPath(token, loops, errors);
                    stack.Push(new Section(token, path));
                    if (token.Kind == TagKind.OpenEach)
                    {
                        loops++;
                    }

                    break;
                case TagKind.Else:
                    if (section.Open is null || section.Open.Kind == TagKind.OpenEach)
                    {
                        errors.Add(new TemplateSyntaxError("'{{else}}' is outside '{{#if}}' and '{{#unless}}'", token.Span));
                    }
                    else if (section.Else is not null)
                    {
                        errors.Add(new TemplateSyntaxError($"'{{{{#{section.Keyword}}}}}' has a second '{{{{else}}}}'", token.Span));
                    }
                    else
                    {
                        section.Else = new List<TemplateNode>();
                    }

                    break;
                case TagKind.Close:
                    if (token.Argument.Trim().Length > 0)
                    {
                        errors.Add(new TemplateSyntaxError($"'{{{{/{token.Text}}}}}' takes no member: write '{{{{/{token.Text}}}}}'", token.Span));
                    }

                    if (section.Open is null)
                    {
                        errors.Add(new TemplateSyntaxError($"'{{{{/{token.Text}}}}}' closes no section", token.Span));
                        break;
                    }

                    if (section.Keyword != token.Text)
                    {
                        errors.Add(new TemplateSyntaxError($"'{{{{/{token.Text}}}}}' does not close '{{{{#{section.Keyword}}}}}': write '{{{{/{section.Keyword}}}}}'", token.Span));
                    }

                    stack.Pop();
                    if (section.Open.Kind == TagKind.OpenEach)
                    {
                        loops--;
                    }

                    if (section.Path is not null)
                    {
                        stack.Peek().Current.Add(Close(section));
                    }

                    break;
                case TagKind.Partial:
                    var name = token.Argument.Trim();
                    var nameSpan = new SourceSpan(token.ArgumentStart + (token.Argument.Length - token.Argument.TrimStart().Length), name.Length);
                    if (name.Length == 0)
                    {
                        errors.Add(new TemplateSyntaxError("'{{>}}' names no partial: write '{{> Mail/_Footer.html}}'", token.Span));
                        break;
                    }

                    var partial = new PartialNode(name, nameSpan, token.Span);
                    if (partial.IsBody)
                    {
                        bodies++;
                        if (role != TemplateRole.Layout)
                        {
                            errors.Add(new TemplateSyntaxError("'{{> body}}' belongs only in a layout", token.Span));
                        }
                        else if (stack.Count > 1)
                        {
                            errors.Add(new TemplateSyntaxError("'{{> body}}' must be outside any section of the layout", token.Span));
                        }
                        else if (bodies > 1)
                        {
                            errors.Add(new TemplateSyntaxError("'{{> body}}' appears more than once in the layout", token.Span));
                        }
                    }

                    section.Current.Add(partial);
                    break;
            }
        }

        while (stack.Count > 1)
        {
            var open = stack.Pop().Open!;
            errors.Add(new TemplateSyntaxError($"'{{{{#{open.Text}}}}}' is not closed: add '{{{{/{open.Text}}}}}'", open.Span));
        }

        if (role == TemplateRole.Layout && bodies == 0)
        {
            errors.Add(new TemplateSyntaxError("the layout has no '{{> body}}': write it where the message's body goes", new SourceSpan(0, 0)));
        }

        return new TemplateSyntax(root.Then, errors.OrderBy(e => e.Span.Start).ToList());
    }

    private static TemplateNode Close(Section section) => section.Open!.Kind == TagKind.OpenEach
        ? new EachNode(section.Path!, section.Then, section.Open.Span)
        : new ConditionNode(section.Path!, section.Open.Kind == TagKind.OpenUnless, section.Then, section.Else ?? new List<TemplateNode>(), section.Open.Span);

    private static void AddText(List<TemplateNode> nodes, TemplateToken token)
    {
        var text = token.TrimmedText;
        if (text.Length == 0)
        {
            return;
        }

        if (nodes.Count > 0 && nodes[nodes.Count - 1] is TextNode previous)
        {
            nodes[nodes.Count - 1] = new TextNode(previous.Text + text, SourceSpan.FromBounds(previous.Span.Start, token.Span.End));
            return;
        }

        nodes.Add(new TextNode(text, token.Span));
    }

    private static TemplatePath? SectionPath(TemplateToken token, int loops, List<TemplateSyntaxError> errors)
    {
        var (path, error) = PathReader.Read(token.Argument, token.ArgumentStart);
        if (error is not null)
        {
            errors.Add(new TemplateSyntaxError(path is null && token.Argument.Trim().Length == 0
                ? $"'{{{{#{token.Text}}}}}' names no member: write '{{{{#{token.Text} Member}}}}'"
                : $"'{{{{#{token.Text}{token.Argument}}}}}': {error}", token.Span));
            return null;
        }

        return Scoped(path!, token, loops, errors) ? path : null;
    }

    private static ValueNode? Value(TemplateToken token, int loops, List<TemplateSyntaxError> errors)
    {
        var raw = token.Kind == TagKind.RawValue;
        var written = raw ? "{{{" + token.Argument + "}}}" : "{{" + token.Argument + "}}";
        if (token.Argument.Trim().Length == 0)
        {
            errors.Add(new TemplateSyntaxError($"'{written}' is an empty placeholder: name a member", token.Span));
            return null;
        }

        var colon = token.Argument.IndexOf(':');
        var pathText = colon < 0 ? token.Argument : token.Argument.Substring(0, colon);
        string? format = colon < 0 ? null : token.Argument.Substring(colon + 1);
        var formatSpan = colon < 0 ? default : new SourceSpan(token.ArgumentStart + colon + 1, format!.Length);
        var (path, error) = PathReader.Read(pathText, token.ArgumentStart);
        if (error is not null)
        {
            errors.Add(new TemplateSyntaxError($"'{written}': {error}", token.Span));
            return null;
        }

        if (format is { Length: 0 })
        {
            errors.Add(new TemplateSyntaxError($"'{written}' has an empty format after ':'", token.Span));
            return null;
        }

        if (raw && format is not null)
        {
            errors.Add(new TemplateSyntaxError($"'{written}' takes no format: an HtmlString is written as it is", token.Span));
            return null;
        }

        return Scoped(path!, token, loops, errors) ? new ValueNode(path!, format, raw, formatSpan, token.Span) : null;
    }

    /// <summary>Loop variables and '../' need a loop around them.</summary>
    private static bool Scoped(TemplatePath path, TemplateToken token, int loops, List<TemplateSyntaxError> errors)
    {
        if (path.Root == PathRoot.LoopVariable && loops == 0)
        {
            errors.Add(new TemplateSyntaxError($"'{path.Text}' is outside '{{{{#each}}}}'", path.Span));
            return false;
        }

        if (path.ParentDepth > loops)
        {
            errors.Add(new TemplateSyntaxError($"'{path.Text}' goes above the message: only {loops} '{{{{#each}}}}' surround it", path.Span));
            return false;
        }

        return true;
    }
}
