using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using MimeKit;

namespace TypedMail.Generator.Tests.Equivalence;

/// <summary>
/// An instance of any generated message class with every settable member filled: addresses where a member is a
/// recipient, a real file where an attachment is a path, and text with non-ASCII characters elsewhere, so that charsets
/// and transfer encodings are exercised.
/// </summary>
internal sealed class SampleValues(string directory)
{
    public const string Text = "Zoë Ångström – 5 € & <b>ünïcode</b> ✓";

    public object Fill(Type messageType)
    {
        var message = Activator.CreateInstance(messageType, nonPublic: true)
            ?? throw new InvalidOperationException($"{messageType} has no parameterless constructor.");
        foreach (var property in messageType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            property.SetValue(message, ValueFor(property));
        }

        return message;
    }

    private object? ValueFor(PropertyInfo property)
    {
        var attributes = property.GetCustomAttributes().Select(a => a.GetType().Name).ToList();
        var recipient = attributes.FirstOrDefault(a => a is "ToAttribute" or "CcAttribute" or "BccAttribute" or "ReplyToAttribute");
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (recipient is not null)
        {
            var local = recipient.Replace("Attribute", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            return type == typeof(string) ? $"Zoë {local} <{local}@example.org>"
                : type == typeof(MailboxAddress) ? new MailboxAddress("Zoë " + local, local + "@example.org")
                : new[] { $"{local}1@example.org", $"Zoë {local} <{local}2@example.org>" };
        }

        if (attributes.Contains("AttachmentAttribute"))
        {
            var path = Path.Combine(directory, property.Name + ".bin");
            File.WriteAllBytes(path, Bytes(property.Name));
            return type == typeof(string) ? path
                : type == typeof(FileInfo) ? new FileInfo(path)
                : type == typeof(byte[]) ? Bytes(property.Name)
                : new MemoryStream(Bytes(property.Name));
        }

        return Value(type, 0);
    }

    private static byte[] Bytes(string name) => Enumerable.Range(0, 300).Select(i => (byte)((i * 7) + name.Length)).ToArray();

    private static object? Value(Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return Text;
        }

        if (type == typeof(HtmlString))
        {
            return new HtmlString("<i>Zoë</i>");
        }

        if (type == typeof(Uri))
        {
            return new Uri("https://example.org/unsubscribe/42");
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(DateTime))
        {
            return new DateTime(2026, 12, 5, 14, 30, 0, DateTimeKind.Utc);
        }

        if (type == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2026, 12, 5, 14, 30, 0, TimeSpan.FromHours(1));
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return Convert.ChangeType(1234.5m, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type.IsArray || (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type)))
        {
            var item = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
            var array = Array.CreateInstance(item, 2);
            array.SetValue(Value(item, depth + 1), 0);
            array.SetValue(Value(item, depth + 1), 1);
            return array;
        }

        if (depth < 4 && type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault() is { } constructor)
        {
            return constructor.Invoke(constructor.GetParameters().Select(p => Value(p.ParameterType, depth + 1)).ToArray());
        }

        throw new InvalidOperationException($"No sample value for {type}.");
    }
}
