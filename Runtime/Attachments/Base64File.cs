using System;
using System.IO;

namespace TypedMail;

/// <summary>
/// 4D's encode type -2: a file that already holds Base64 text. It is checked by one streaming pass (alphabet, padding,
/// length) before anything is sent, then decoded as a stream at send time and encoded again by MimeKit, so that its
/// lines have the length MIME requires whatever the file's own line length.
/// </summary>
internal static class Base64File
{
    /// <summary>The number of bytes the Base64 text of <paramref name="file"/> decodes to.</summary>
    /// <exception cref="TypedMailException"><see cref="ErrorCodes.AttachmentNotBase64"/> naming the first bad character.</exception>
    public static long DecodedLength(Stream file, string name)
    {
        var buffer = new byte[81920];
        long symbols = 0;
        long offset = 0;
        var padding = 0;
        int read;
        while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++, offset++)
            {
                var b = buffer[i];
                if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                {
                    continue;
                }

                if (b == '=')
                {
                    padding++;
                }
                else if (padding > 0 || !IsBase64Symbol(b))
                {
                    throw NotBase64(name, padding > 0 ? $"data after the '=' padding at byte {offset}" : $"the byte 0x{b:X2} at offset {offset}");
                }

                symbols++;
            }
        }

        if (padding > 2 || symbols % 4 != 0)
        {
            throw NotBase64(name, $"{symbols} Base64 characters, not a multiple of 4 with at most two '='");
        }

        return (symbols / 4 * 3) - padding;
    }

    private static bool IsBase64Symbol(byte b) => b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'+' or (byte)'/';

    private static TypedMailException NotBase64(string name, string what) =>
        new(ErrorCodes.AttachmentNotBase64, $"'{name}' was attached as already Base64 (encode type -2) but is not Base64: {what}.");
}
