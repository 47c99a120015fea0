using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace TypedMail.Generator.Tests.Generator;

/// <summary>No pipeline model may hold a symbol, a syntax node, a location or a compilation: they defeat caching.</summary>
public sealed class ModelPurityTests
{
    private static readonly Type[] Forbidden = { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree) };

    [Fact]
    public void ModelsHoldNoSymbolSyntaxLocationOrCompilation()
    {
        var compilation = GeneratorHarness.Compilation(Inputs.EveryAttribute, Inputs.FileTemplates, Inputs.Nested, Inputs.Server);
        var (driver, _, _) = GeneratorHarness.Run(
            compilation,
            new InMemoryAdditionalText("/project/Mail/discount.txt", Inputs.DiscountText),
            new InMemoryAdditionalText("/project/Mail/discount.html", Inputs.DiscountHtml));

        var outputs = driver.GetRunResult().Results[0].TrackedSteps
            .Where(s => s.Key.StartsWith("TypedMail.", StringComparison.Ordinal))
            .SelectMany(s => s.Value)
            .SelectMany(step => step.Outputs)
            .Select(o => o.Value)
            .ToList();
        Assert.True(outputs.Count >= 5, $"only {outputs.Count} model values were tracked");

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var output in outputs)
        {
            Walk(output, "model", visited);
        }

        Assert.Contains(visited, v => v.GetType().Name == "MessageSpec");
        Assert.Contains(visited, v => v.GetType().Name == "ServerSpec");
    }

    [Fact]
    public void TheWalkFindsAForbiddenValue()
    {
        var holder = new Tuple<object>(GeneratorHarness.Compilation(Inputs.Minimal));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Walk(holder, "holder", new HashSet<object>(ReferenceEqualityComparer.Instance)));
    }

    private static void Walk(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        var bad = Forbidden.FirstOrDefault(f => f.IsAssignableFrom(type));
        Assert.True(bad is null, $"{path} holds a {type.FullName} ({bad?.Name})");
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{i++}]", visited);
            }
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer)
                {
                    continue;
                }

                Walk(field.GetValue(value), $"{path}.{field.Name}", visited);
            }
        }
    }
}
