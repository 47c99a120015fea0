using System.Threading.Tasks;
using TypedMail.Mailbox;

namespace TypedMail.Runtime.Tests.Support;

/// <summary>Sends one message to a fresh plain Mailbox and returns what arrived.</summary>
internal static class Delivery
{
    public static async Task<ReceivedMessage> ReceiveAsync(SmtpMessage message)
    {
        await using var server = await LoopbackServers.StartAsync();
        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.NeverTls));
        Assert.True(result.Succeeded, result.ToString());
        return await server.WaitForMessageAsync(LoopbackServers.Patience);
    }
}
