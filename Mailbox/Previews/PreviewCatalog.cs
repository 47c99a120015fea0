using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using MimeKit;
using TypedMail.Mailbox.Web;

namespace TypedMail.Mailbox.Previews;

/// <summary>
/// Every <c>[MailMessage]</c> class of the given assemblies, each with the samples its <c>[PreviewData]</c> members
/// return, rendered once. Attributes are matched by name so that an assembly built against any TypedMail version works.
/// </summary>
internal sealed class PreviewCatalog
{
    private const string MailMessageAttribute = "TypedMail.MailMessageAttribute";
    private const string PreviewDataAttribute = "TypedMail.PreviewDataAttribute";
    private const BindingFlags StaticMembers = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private PreviewCatalog(IReadOnlyList<PreviewedType> types) => Types = types;

    /// <summary>An empty catalog: no assembly was given.</summary>
    public static PreviewCatalog Empty { get; } = new([]);

    /// <summary>The message types, by full name.</summary>
    public IReadOnlyList<PreviewedType> Types { get; }

    public PreviewEntry? Find(string id) =>
        Types.SelectMany(type => type.Previews).FirstOrDefault(preview => preview.Id == id);

    public static PreviewCatalog Build(IEnumerable<Assembly> assemblies)
    {
        var samples = new List<(string MessageType, string Name, string Member, object? Value, string? Error)>();
        var messageTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var type in LoadableTypes(assembly).OrderBy(type => type.FullName, StringComparer.Ordinal))
            {
                if (HasAttribute(type.GetCustomAttributesData(), MailMessageAttribute))
                {
                    messageTypes[type.FullName!] = assembly.GetName().Name ?? string.Empty;
                }

                foreach (var member in type.GetMembers(StaticMembers).OrderBy(member => member.Name, StringComparer.Ordinal))
                {
                    if (member.GetCustomAttributesData().FirstOrDefault(data => data.AttributeType.FullName == PreviewDataAttribute) is { } attribute)
                    {
                        samples.AddRange(Samples(type, member, attribute));
                    }
                }
            }
        }

        var number = 0;
        var previews = samples
            .Select(sample => Render(++number, sample.MessageType, sample.Name, sample.Member, sample.Value, sample.Error))
            .ToList();
        foreach (var preview in previews)
        {
            messageTypes.TryAdd(preview.MessageType, string.Empty);
        }

        var types = messageTypes
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new PreviewedType(pair.Key, pair.Value, previews.Where(preview => preview.MessageType == pair.Key).ToArray()))
            .ToArray();
        return new PreviewCatalog(types);
    }

    private static IEnumerable<(string MessageType, string Name, string Member, object? Value, string? Error)> Samples(
        Type type, MemberInfo member, CustomAttributeData attribute)
    {
        var memberName = $"{type.FullName}.{member.Name}";
        var declared = DeclaredMessageType(member) ?? type.FullName!;
        var name = attribute.ConstructorArguments.Count == 1 && attribute.ConstructorArguments[0].Value is string given ? given : member.Name;
        object? value;
        try
        {
            value = Read(member);
        }
        catch (Exception exception)
        {
            var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
            return [(declared, name, memberName, null, $"{memberName} threw {cause.GetType().Name}: {cause.Message}")];
        }

        if (value is null)
        {
            return [(declared, name, memberName, null, $"{memberName} returned null.")];
        }

        if (MessageRendering.IsMessage(value))
        {
            return [(value.GetType().FullName!, name, memberName, value, null)];
        }

        if (value is IEnumerable sequence and not string)
        {
            var items = sequence.Cast<object?>().ToArray();
            return items.Select((item, index) => item is not null && MessageRendering.IsMessage(item)
                ? (item.GetType().FullName!, $"{name} #{index + 1}", memberName, (object?)item, (string?)null)
                : (declared, $"{name} #{index + 1}", memberName, null, $"{memberName} item {index + 1} is {item?.GetType().FullName ?? "null"}, not a [MailMessage] class."));
        }

        return [(declared, name, memberName, null,
            $"{memberName} returns {value.GetType().FullName}, which is not a [MailMessage] class (it has no ToMimeMessage()) nor a sequence of them.")];
    }

    // The message type a member promises (T, or T of IEnumerable<T>), to group its errors with that type's samples.
    private static string? DeclaredMessageType(MemberInfo member)
    {
        var type = member switch
        {
            MethodInfo method => method.ReturnType,
            PropertyInfo property => property.PropertyType,
            FieldInfo field => field.FieldType,
            _ => null,
        };
        var element = type?.GetInterfaces().Append(type)
            .FirstOrDefault(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
        return new[] { type, element }.FirstOrDefault(candidate => candidate is not null && MessageRendering.IsMessageType(candidate))?.FullName;
    }

    private static object? Read(MemberInfo member) => member switch
    {
        MethodInfo { IsGenericMethodDefinition: false } method when method.GetParameters().Length == 0 => method.Invoke(null, null),
        MethodInfo method => throw new InvalidOperationException($"[PreviewData] method {method.Name} must take no parameters and not be generic."),
        PropertyInfo property => property.GetValue(null),
        FieldInfo field => field.GetValue(null),
        _ => throw new InvalidOperationException($"[PreviewData] cannot be read from a {member.MemberType}."),
    };

    private static PreviewEntry Render(int number, string messageType, string name, string member, object? value, string? error)
    {
        var id = number.ToString(CultureInfo.InvariantCulture);
        if (value is null)
        {
            return new PreviewEntry(id, messageType, name, member, null, error);
        }

        try
        {
            var raw = MessageRendering.Render(value);
            using var stream = new MemoryStream(raw, writable: false);
            return new PreviewEntry(id, messageType, name, member, new MailDocument(id, raw, MimeMessage.Load(stream)), null);
        }
        catch (Exception exception)
        {
            var cause = exception is TargetInvocationException { InnerException: { } inner } ? inner : exception;
            return new PreviewEntry(id, messageType, name, member, null, $"Rendering {member} threw {cause.GetType().Name}: {cause.Message}");
        }
    }

    private static bool HasAttribute(IEnumerable<CustomAttributeData> attributes, string fullName) =>
        attributes.Any(data => data.AttributeType.FullName == fullName);

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }
}
