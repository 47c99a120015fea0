using System.Collections.Generic;
using System.Linq;
using TypedMail.Definitions.Templates;
using TypedMail.Definitions.TemplateLanguage;
using TypedMail.Definitions.Model;

namespace TypedMail.Definitions.TemplateBinding;

/// <summary>
/// Binds a parsed template to the message's shapes: resolves every path (element first, then outward), checks
/// section types, inlines the layout and partials, and turns it all into <see cref="RenderStep"/>s. Problems never
/// stop binding: what cannot be bound renders as nothing, so the generated code still compiles.
/// </summary>
internal sealed class TemplateBinder
{
    private const string Format = "TypedMailFormat";
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    private readonly TemplateBindingContext _context;
    private readonly Dictionary<string, TypeShape> _shapes;
    private readonly List<TemplateProblem> _problems = new();
    private readonly HashSet<string> _used = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _files = new(System.StringComparer.Ordinal);
    private readonly Stack<string> _partials = new();
    private int _loops;

    private TemplateBinder(TemplateBindingContext context)
    {
        _context = context;
        _shapes = context.Catalog.Types.ToDictionary(t => t.Id, System.StringComparer.Ordinal);
    }

    /// <summary>Binds <paramref name="text"/>, the template itself (inline or the body file's text).</summary>
    public static BoundTemplate Bind(string text, TemplateBindingContext context)
    {
        var binder = new TemplateBinder(context);
        var steps = binder.BindTemplate(text);
        return new BoundTemplate(steps, binder._problems, binder._used, binder._files);
    }

    private List<RenderStep> BindTemplate(string text)
    {
        var root = new Scope(Shape(_context.Catalog.RootId), "this", CanBeNull: false, Loop: null);
        var scopes = new List<Scope> { root };
        var body = Syntax(text, TemplateRole.Body, file: null);
        if (_context.LayoutPath is not { } layoutPath)
        {
            return BindNodes(body, scopes, file: null);
        }

        var layout = _context.FindFile(layoutPath);
        if (layout is null)
        {
            _problems.Add(new TemplateProblem(ProblemKind.MissingTemplateFile, null, default, layoutPath) { AtLayoutArgument = true });
            return BindNodes(body, scopes, file: null);
        }

        _files.Add(layout.Path);
        var bodySteps = BindNodes(body, scopes, file: null);
        var steps = new List<RenderStep>();
        foreach (var node in Syntax(layout.Text, TemplateRole.Layout, layout.Path))
        {
            if (node is PartialNode { IsBody: true })
            {
                Append(steps, bodySteps);
            }
            else
            {
                Append(steps, BindNodes(new[] { node }, scopes, layout.Path));
            }
        }

        return steps;
    }

    private IReadOnlyList<TemplateNode> Syntax(string text, TemplateRole role, string? file)
    {
        var syntax = TemplateSyntax.Parse(text, role);
        foreach (var error in syntax.Errors)
        {
            _problems.Add(new TemplateProblem(ProblemKind.TemplateSyntax, file, error.Span, $"The {Where(file)} has a syntax error: {error.Message}"));
        }

        return syntax.Nodes;
    }

    private string Where(string? file) => file is null ? _context.Role : $"template '{file}'";

    private List<RenderStep> BindNodes(IEnumerable<TemplateNode> nodes, List<Scope> scopes, string? file)
    {
        var steps = new List<RenderStep>();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    Append(steps, new[] { new WriteText(text.Text) });
                    break;
                case ValueNode value when Resolve(value.Path, scopes, file) is { } resolved:
                    if (WriteOf(value, resolved, file) is { } write)
                    {
                        steps.Add(write);
                    }

                    break;
                case EachNode each:
                    BindEach(each, scopes, file, steps);
                    break;
                case ConditionNode condition:
                    var test = Resolve(condition.Condition, scopes, file) is { } tested ? Test(condition, tested, file) : null;
                    var then = BindNodes(condition.Then, scopes, file);
                    var otherwise = BindNodes(condition.Else, scopes, file);
                    if (test is not null)
                    {
                        steps.Add(new Branch(test, EquatableArray.From(then), EquatableArray.From(otherwise)));
                    }

                    break;
                case PartialNode { IsBody: false } partial:
                    Append(steps, BindPartial(partial, scopes, file));
                    break;
            }
        }

        return steps;
    }

    private void BindEach(EachNode each, List<Scope> scopes, string? file, List<RenderStep> steps)
    {
        var sequence = Resolve(each.Sequence, scopes, file);
        if (sequence is null)
        {
            BindNodes(each.Body, scopes, file);   // still checked
            return;
        }

        if (sequence.Shape.Kind != ShapeKind.Sequence)
        {
            _problems.Add(new TemplateProblem(ProblemKind.WrongSectionType, file, each.Sequence.Span,
                $"'{{{{#each {each.Sequence.Text}}}}}' in the {Where(file)} walks {Describe(sequence.Shape)}, which is not a sequence: #each takes an IEnumerable<T>"));
            return;
        }

        var number = _loops++;
        var loop = new LoopState(number);
        var element = new Scope(Shape(sequence.Shape.ElementId!), "item" + number, sequence.Shape.ElementCanBeNull, loop);
        var body = BindNodes(each.Body, scopes.Concat(new[] { element }).ToList(), file);
        steps.Add(new Loop(sequence.Expression, number, sequence.Shape.CountMember, loop.UsesIndex, loop.UsesLast, EquatableArray.From(body)));
    }

    private List<RenderStep> BindPartial(PartialNode partial, List<Scope> scopes, string? file)
    {
        var source = _context.FindFile(partial.Name);
        if (source is null)
        {
            _problems.Add(new TemplateProblem(ProblemKind.MissingTemplateFile, file, partial.NameSpan, partial.Name));
            return new List<RenderStep>();
        }

        if (_partials.Contains(source.Path))
        {
            _problems.Add(new TemplateProblem(ProblemKind.TemplateSyntax, file, partial.Span, $"The {Where(file)} has a syntax error: the partial '{partial.Name}' includes itself"));
            return new List<RenderStep>();
        }

        _files.Add(source.Path);
        _partials.Push(source.Path);
        var steps = BindNodes(Syntax(source.Text, TemplateRole.Partial, source.Path), scopes, source.Path);
        _partials.Pop();
        return steps;
    }

    private static void Append(List<RenderStep> steps, IEnumerable<RenderStep> more)
    {
        foreach (var step in more)
        {
            if (step is WriteText next && steps.Count > 0 && steps[steps.Count - 1] is WriteText previous)
            {
                steps[steps.Count - 1] = new WriteText(previous.Text + next.Text);
            }
            else
            {
                steps.Add(step);
            }
        }
    }

    private TypeShape Shape(string id) =>
        _shapes.TryGetValue(id, out var shape) ? shape : new TypeShape(id, ShapeKind.Object, EquatableArray<MemberShape>.Empty, null, false, null);

    private static string Describe(TypeShape shape) => Articles.With(ShortName(shape.Id));

    private static string ShortName(string id)
    {
        var name = id.StartsWith("global::", System.StringComparison.Ordinal) ? id.Substring(8) : id;
        var generic = name.IndexOf('<');
        var dot = name.LastIndexOf('.', generic < 0 ? name.Length - 1 : generic);
        return dot < 0 ? name : name.Substring(dot + 1);
    }

    private WriteValue? WriteOf(ValueNode node, Resolved value, string? file)
    {
        if (node.Raw)
        {
            if (value.Shape.Kind != ShapeKind.Html)
            {
                _problems.Add(new TemplateProblem(ProblemKind.WrongSectionType, file, node.Path.Span,
                    $"'{{{{{{{node.Path.Text}}}}}}}' in the {Where(file)} writes {Describe(value.Shape)} unencoded: only a TypedMail.HtmlString may be written with triple braces"));
                return null;
            }

            return new WriteValue(value.Expression, WriteMode.Raw);
        }

        var format = node.Format;
        var reason = format is null ? null
            : value.RootMember is { } member && _context.CheckFormat is { } check ? check(member, format)
            : value.Shape.Kind is not (ShapeKind.Formattable or ShapeKind.InterfaceFormattable or ShapeKind.Enum) ? $"{Describe(value.Shape)} takes no format"
            : null;
        if (format is not null && reason is not null)
        {
            _problems.Add(new TemplateProblem(ProblemKind.InvalidFormat, file, node.Span, reason) { Arguments = new[] { node.Path.Text, format, reason } });
            format = null;   // written without it
        }

        return new WriteValue(Text(value, format), _context.Html ? WriteMode.Html : WriteMode.Plain);
    }

    /// <summary>C# for the value's text; null along the path gives null, which writes nothing.</summary>
    private static string Text(Resolved value, string? format)
    {
        var call = value.LastCanBeNull ? "?." : ".";
        var formatLiteral = format is null ? "null" : Literal(format);
        return value.Shape.Kind switch
        {
            ShapeKind.Text => value.Expression,
            ShapeKind.Formattable when value.IsLoopIndex => $"{value.Expression}.ToString({Invariant})",
            ShapeKind.Formattable => $"{value.Expression}{call}ToString({formatLiteral}, {Format})",
            ShapeKind.InterfaceFormattable => $"((global::System.IFormattable?){value.Expression})?.ToString({formatLiteral}, {Format})",
            ShapeKind.Enum when format is not null => $"{value.Expression}{call}ToString({formatLiteral})",
            _ => $"{value.Expression}{call}ToString()",
        };
    }

    private string? Test(ConditionNode node, Resolved value, string? file)
    {
        var e = value.Expression;
        var not = node.Negated;
        switch (value.Shape.Kind)
        {
            case ShapeKind.Boolean when value.IsLoopIndex:
                return not ? $"!{e}" : e;
            case ShapeKind.Boolean:
                return not ? $"{e} != true" : $"{e} == true";
            case ShapeKind.Text:
                return not ? $"string.IsNullOrEmpty({e})" : $"!string.IsNullOrEmpty({e})";
            case ShapeKind.Sequence:
                return value.Shape.CountMember is { } count
                    ? $"({e}{(value.LastCanBeNull ? "?." : ".")}{count} ?? 0) {(not ? "==" : ">")} 0"
                    : $"{(not ? "!" : "")}global::TypedMail.TemplateOutput.HasItems({e})";
        }

        if (value.LastCanBeNull)
        {
            return not ? $"{e} == null" : $"{e} != null";
        }

        var keyword = not ? "unless" : "if";
        _problems.Add(new TemplateProblem(ProblemKind.WrongSectionType, file, node.Condition.Span,
            $"'{{{{#{keyword} {node.Condition.Text}}}}}' in the {Where(file)} tests {Describe(value.Shape)}, which is never false: #{keyword} takes a bool, a nullable value, a string or a sequence"));
        return null;
    }

    private static string Literal(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";

    private Resolved? Resolve(TemplatePath path, List<Scope> scopes, string? file)
    {
        var innermost = scopes.Count - 1;
        if (path.Root == PathRoot.LoopVariable)
        {
            var loop = scopes[innermost].Loop;
            if (loop is null)
            {
                _problems.Add(new TemplateProblem(ProblemKind.TemplateSyntax, file, path.Span, $"The {Where(file)} has a syntax error: '{path.Text}' is outside '{{{{#each}}}}'"));
                return null;
            }

            var index = "index" + loop.Number;
            switch (path.Variable)
            {
                case "index":
                    loop.UsesIndex = true;
                    return new Resolved(index, new TypeShape("int", ShapeKind.Formattable, EquatableArray<MemberShape>.Empty, null, false, null), false) { IsLoopIndex = true };
                case "first":
                    loop.UsesIndex = true;
                    return new Resolved($"({index} == 0)", Boolean, false) { IsLoopIndex = true };
                default:
                    loop.UsesIndex = true;
                    loop.UsesLast = true;
                    return new Resolved("last" + loop.Number, Boolean, false) { IsLoopIndex = true };
            }
        }

        var start = innermost - path.ParentDepth;
        if (start < 0)
        {
            _problems.Add(new TemplateProblem(ProblemKind.TemplateSyntax, file, path.Span, $"The {Where(file)} has a syntax error: '{path.Text}' goes above the message"));
            return null;
        }

        var scope = scopes[start];
        if (path.Segments.Count == 0)
        {
            return new Resolved(scope.Access, scope.Shape, scope.CanBeNull);
        }

        var first = path.Segments[0];
        if (path.Root == PathRoot.Scope && path.ParentDepth == 0)
        {
            for (var s = innermost; s >= 0; s--)
            {
                if (scopes[s].Shape.Members.Any(m => m.Name == first.Name))
                {
                    scope = scopes[s];
                    break;
                }
            }
        }

        var expression = scope.Access;
        var shape = scope.Shape;
        var canBeNull = scope.CanBeNull;
        for (var i = 0; i < path.Segments.Count; i++)
        {
            var segment = path.Segments[i];
            var member = shape.Members.FirstOrDefault(m => m.Name == segment.Name);
            if (member is null)
            {
                ReportUnknown(path, i, shape, scopes, scope, file);
                return null;
            }

            if (i == 0 && scope.Access == "this")
            {
                _used.Add(member.Name);
            }

            expression += (canBeNull ? "?." : ".") + Identifier(member.Name);
            shape = Shape(member.TypeId);
            canBeNull = member.CanBeNull;
        }

        return new Resolved(expression, shape, canBeNull) { RootMember = scope.Access == "this" && path.Segments.Count == 1 ? path.Segments[0].Name : null };
    }

    private void ReportUnknown(TemplatePath path, int index, TypeShape shape, List<Scope> scopes, Scope scope, string? file)
    {
        var segment = path.Segments[index];
        var candidates = index == 0 && path.Root == PathRoot.Scope && path.ParentDepth == 0
            ? scopes.SelectMany(s => s.Shape.Members).Select(m => m.Name).Distinct().ToList()
            : shape.Members.Select(m => m.Name).ToList();
        var nearest = NearestName.Find(segment.Name, candidates);

        if (index == 0 && nearest is not null && scopes[0].Shape.Members.Any(m => m.Name == nearest))
        {
            _used.Add(nearest);   // a misspelled use is still a use: TM0007 alone tells about it
        }

        var owner = index == 0 && scope.Access == "this" ? _context.ClassName : ShortName(shape.Id);
        var where = index == 0 && scopes.Count > 1 && path.Root == PathRoot.Scope && path.ParentDepth == 0
            ? $"the loop's element ({ShortName(scopes[scopes.Count - 1].Shape.Id)}) nor of '{_context.ClassName}'"
            : $"'{owner}'";
        var message = $"The placeholder '{path.Text}' in the {Where(file)} names no member of {where}";
        if (nearest is not null)
        {
            message += $": did you mean '{nearest}'?";
        }

        _problems.Add(new TemplateProblem(ProblemKind.UnknownPlaceholder, file, segment.Span, message, nearest));
    }

    /// <summary>A member name as C#: keywords take '@' (<c>@event</c>).</summary>
    private static string Identifier(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? "@" + name : name;

    private static readonly TypeShape Boolean = new("bool", ShapeKind.Boolean, EquatableArray<MemberShape>.Empty, null, false, null);

    private sealed class LoopState
    {
        public LoopState(int number) => Number = number;

        public int Number { get; }

        public bool UsesIndex { get; set; }

        public bool UsesLast { get; set; }
    }

    private sealed record Scope(TypeShape Shape, string Access, bool CanBeNull, LoopState? Loop);

    private sealed record Resolved(string Expression, TypeShape Shape, bool LastCanBeNull)
    {
        /// <summary>A loop variable (<c>@index</c>, <c>@first</c>, <c>@last</c>): a plain local, never null.</summary>
        public bool IsLoopIndex { get; init; }

        /// <summary>The message member the path names directly, if it does.</summary>
        public string? RootMember { get; init; }
    }
}
