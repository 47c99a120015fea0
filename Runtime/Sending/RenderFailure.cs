using System;
using System.Globalization;
using System.IO;

namespace TypedMail;

/// <summary>
/// What a message that could not be rendered (or whose send threw instead of returning a result) becomes: a result
/// with a code that names the cause, so that a merge goes on and accounts for it. Nothing of it went on the wire.
/// </summary>
internal static class RenderFailure
{
    public static SendResult From(Exception exception) => exception switch
    {
        TypedMailException typed => SendResult.Failure(typed.Code, typed.Detail),
        ObjectDisposedException disposed => SendResult.Failure(ErrorCodes.InvalidReference, disposed.Message),
        CultureNotFoundException culture => SendResult.Failure(ErrorCodes.InvalidArgument, $"Culture '{culture.InvalidCultureName}' is not known: {FirstLine(culture.Message)}"),
        ArgumentException or FormatException => SendResult.Failure(ErrorCodes.InvalidArgument, $"{exception.GetType().Name}: {FirstLine(exception.Message)}"),
        IOException or UnauthorizedAccessException => SendResult.Failure(ErrorCodes.AttachmentNotFound, $"{exception.GetType().Name}: {FirstLine(exception.Message)}"),
        _ => SendResult.Failure(ErrorCodes.UnexpectedError, $"{exception.GetType().Name}: {FirstLine(exception.Message)}"),
    };

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? text : text.Substring(0, end);
    }
}
