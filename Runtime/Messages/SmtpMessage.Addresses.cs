using System.Collections.Generic;
using System.Linq;
using MimeKit;

namespace TypedMail;

public sealed partial class SmtpMessage
{
    /// <summary>SMTP_From: the author addresses.</summary>
    public void SetFrom(string addresses, AddressOption option = AddressOption.Append) => EditList(_from, addresses, option, "From", removeListedOnly: false);

    /// <summary>SMTP_Sender: the one address that actually sends (Append and Replace both set it; an empty text or Remove clears it).</summary>
    public void SetSender(string address, AddressOption option = AddressOption.Replace)
    {
        ThrowIfDisposed();
        CheckOption(option);
        if (option == AddressOption.Remove)
        {
            _sender = null;
            return;
        }

        // One address, never a list: a CR or LF in it is not a list separator here but a refused line break.
        if (!MailboxList.HasLineBreak(address) && MailboxList.Parse(address, "Sender").Count > 1)
        {
            throw new TypedMailException(ErrorCodes.InvalidAddress, "Sender: give one address, not a list.");
        }

        if (!string.IsNullOrWhiteSpace(address) || MailboxList.HasLineBreak(address))
        {
            _sender = MailboxList.ParseOne(address, "Sender");
        }
        else if (option == AddressOption.Replace)
        {
            _sender = null;
        }
    }

    /// <summary>SMTP_ReplyTo: option <see cref="AddressOption.Remove"/> removes only the addresses given.</summary>
    public void SetReplyTo(string addresses, AddressOption option = AddressOption.Append) => EditList(_replyTo, addresses, option, "Reply-To", removeListedOnly: true);

    /// <summary>SMTP_To.</summary>
    public void SetTo(string addresses, AddressOption option = AddressOption.Append) => EditList(_to, addresses, option, "To", removeListedOnly: false);

    /// <summary>SMTP_Cc.</summary>
    public void SetCc(string addresses, AddressOption option = AddressOption.Append) => EditList(_cc, addresses, option, "Cc", removeListedOnly: false);

    /// <summary>SMTP_Bcc: envelope recipients, never written into the headers.</summary>
    public void SetBcc(string addresses, AddressOption option = AddressOption.Append) => EditList(_bcc, addresses, option, "Bcc", removeListedOnly: false);

    /// <summary>The envelope recipients: To, Cc and Bcc, each address once.</summary>
    internal IReadOnlyList<MailboxAddress> EnvelopeRecipients()
    {
        ThrowIfDisposed();
        return MessageEnvelope.Of(_sender, _from, _to.Concat(_cc).Concat(_bcc)).Recipients;
    }

    /// <summary>The envelope sender: Sender when set, else the first From.</summary>
    internal MailboxAddress? EnvelopeSender()
    {
        ThrowIfDisposed();
        return _sender ?? _from.FirstOrDefault();
    }

    private static void CheckOption(AddressOption option)
    {
        if (option is < AddressOption.Append or > AddressOption.Remove)
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument, $"Address option {(int)option} is not 0, 1 or 2.");
        }
    }

    private void EditList(List<MailboxAddress> list, string addresses, AddressOption option, string field, bool removeListedOnly)
    {
        ThrowIfDisposed();
        CheckOption(option);
        if (option == AddressOption.Remove && !removeListedOnly)
        {
            list.Clear();
            return;
        }

        var parsed = MailboxList.Parse(addresses, field);
        switch (option)
        {
            case AddressOption.Append:
                list.AddRange(parsed);
                break;
            case AddressOption.Replace:
                list.Clear();
                list.AddRange(parsed);
                break;
            default:
                list.RemoveAll(existing => parsed.Any(p => MailboxList.SameAddress(existing, p)));
                break;
        }
    }
}
