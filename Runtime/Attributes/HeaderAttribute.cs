using System;

namespace TypedMail;

/// <summary>A custom header written into every message of the class; the value may hold placeholders.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class HeaderAttribute : Attribute
{
    /// <summary>A header.</summary>
    /// <param name="name">The header name, e.g. <c>"X-Campaign"</c>.</param>
    /// <param name="value">The header value.</param>
    public HeaderAttribute(string name, string value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The header name.</summary>
    public string Name { get; }

    /// <summary>The header value.</summary>
    public string Value { get; }
}
