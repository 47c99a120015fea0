using System.Threading.Tasks;
using TypedMail.Mailbox.Tests.Browser;

namespace TypedMail.Mailbox.Tests.Support;

/// <summary>One Chromium for a test class; each test opens its own tab.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private Chromium? _chromium;

    internal Chromium Browser => _chromium ?? throw new System.InvalidOperationException("Chromium was not started.");

    public async Task InitializeAsync() => _chromium = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }
}
