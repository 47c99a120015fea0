using System;

namespace TypedMail;

/// <summary>
/// A message operation refused with one of the <see cref="ErrorCodes"/> (an invalid address, a header injection, a
/// missing attachment...). The 4D facade returns <see cref="Code"/> instead of throwing.
/// </summary>
public sealed class TypedMailException : Exception
{
    /// <summary>Creates the exception with a code and the detail.</summary>
    /// <param name="code">One of <see cref="ErrorCodes"/>.</param>
    /// <param name="detail">What exactly is wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public TypedMailException(int code, string detail, Exception? innerException = null)
        : base(ErrorCodes.Text(code) + " " + detail, innerException)
    {
        Code = code;
        Detail = detail;
    }

    /// <summary>The error code.</summary>
    public int Code { get; }

    /// <summary>What exactly is wrong, without the code's general sentence.</summary>
    public string Detail { get; }
}
