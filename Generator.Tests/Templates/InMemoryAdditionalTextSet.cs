using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypedMail.Generator.Tests.Generator;

namespace TypedMail.Generator.Tests.Templates;

/// <summary>AdditionalFiles items by path, written as a collection initializer.</summary>
internal sealed class InMemoryAdditionalTextSet : IEnumerable<AdditionalText>
{
    private readonly List<AdditionalText> _files = new();

    public void Add((string Path, string Text) file) => _files.Add(new InMemoryAdditionalText(file.Path, file.Text));

    public AdditionalText this[string path] => _files.Single(f => f.Path == path);

    public AdditionalText[] ToArray() => _files.ToArray();

    public IEnumerator<AdditionalText> GetEnumerator() => _files.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
