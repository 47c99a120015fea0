using System;
using System.IO;
using System.Reflection;
using System.Threading;
using MimeKit;

namespace TypedMail.Mailbox.Previews;

/// <summary>
/// Renders a sample through the message's own <c>ToMimeMessage()</c>. Found by name, because an assembly given by path
/// lives in its own load context with its own TypedMail and MimeKit: the result crosses over as bytes.
/// </summary>
internal static class MessageRendering
{
    /// <summary>True when <paramref name="value"/> is a generated message (it has a public <c>ToMimeMessage()</c>).</summary>
    public static bool IsMessage(object value) => IsMessageType(value.GetType());

    /// <summary>True when <paramref name="type"/> has a public <c>ToMimeMessage()</c> returning a MimeKit message.</summary>
    public static bool IsMessageType(Type type) => ToMimeMessageMethod(type) is not null;

    /// <summary>The message's bytes as <c>ToMimeMessage()</c> writes them.</summary>
    public static byte[] Render(object value)
    {
        var method = ToMimeMessageMethod(value.GetType())
            ?? throw new ArgumentException($"{value.GetType().FullName} has no public ToMimeMessage() method.", nameof(value));
        var mime = method.Invoke(value, null)
            ?? throw new InvalidOperationException($"{value.GetType().FullName}.ToMimeMessage() returned null.");
        using var buffer = new MemoryStream();
        if (mime is MimeMessage message)
        {
            message.WriteTo(buffer);
        }
        else
        {
            var writeTo = mime.GetType().GetMethod("WriteTo", [typeof(Stream), typeof(CancellationToken)])
                ?? throw new InvalidOperationException($"{mime.GetType().FullName} has no WriteTo(Stream, CancellationToken): not a MimeKit message.");
            writeTo.Invoke(mime, [buffer, CancellationToken.None]);
        }

        return buffer.ToArray();
    }

    private static MethodInfo? ToMimeMessageMethod(Type type) =>
        type.GetMethod("ToMimeMessage", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is { } method
        && method.ReturnType.FullName == "MimeKit.MimeMessage"
            ? method
            : null;
}
