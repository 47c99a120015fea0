using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace TypedMail.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Sets one setting (Port or Mode) where a settings diagnostic points: replaces the expression at fault when it is
/// written, else adds the setting to the attribute, the object initializer or the facade call.
/// </summary>
internal static class SettingEdit
{
    /// <param name="document">The document.</param>
    /// <param name="diagnostic">The diagnostic; its first additional location, if any, is the expression to replace.</param>
    /// <param name="property">The attribute or settings property, "Port" or "Mode".</param>
    /// <param name="intValue">The value as the facade writes it (an int).</param>
    /// <param name="enumMember">For Mode: the <c>SessionMode</c> member; null for Port.</param>
    /// <param name="cancellationToken">Cancels the edit.</param>
    public static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, string property, int intValue, string? enumMember, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(intValue));
        ExpressionSyntax EnumOrLiteral() => enumMember is null
            ? literal
            : SyntaxFactory.ParseExpression("global::TypedMail.SessionMode." + enumMember).WithAdditionalAnnotations(Simplifier.Annotation);

        if (diagnostic.AdditionalLocations.Count > 0)
        {
            var target = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;
            if (target is null)
            {
                return document;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var isEnum = model?.GetTypeInfo(target, cancellationToken).Type?.TypeKind == TypeKind.Enum;
            var replacement = isEnum ? EnumOrLiteral() : literal;
            return document.WithSyntaxRoot(root.ReplaceNode(target, replacement.WithTriviaFrom(target)));
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        SyntaxNode? original = null;
        SyntaxNode? updated = null;
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case AttributeSyntax attribute:
                    var argument = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(property), null, EnumOrLiteral());
                    var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
                    (original, updated) = (attribute, attribute.WithArgumentList(list.AddArguments(argument).WithAdditionalAnnotations(Formatter.Annotation)));
                    break;
                case BaseObjectCreationExpressionSyntax creation:
                    var assignment = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(property), EnumOrLiteral());
                    var initializer = creation.Initializer is { } existing
                        ? existing.AddExpressions(assignment)
                        : SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignment));
                    (original, updated) = (creation, creation.WithInitializer(initializer).WithAdditionalAnnotations(Formatter.Annotation));
                    break;
                case InvocationExpressionSyntax invocation:
                    (original, updated) = (invocation, invocation.WithArgumentList(invocation.ArgumentList.AddArguments(SyntaxFactory.Argument(literal)).WithAdditionalAnnotations(Formatter.Annotation)));
                    break;
                default:
                    continue;
            }

            break;
        }

        return original is null || updated is null ? document : document.WithSyntaxRoot(root.ReplaceNode(original, updated));
    }
}
