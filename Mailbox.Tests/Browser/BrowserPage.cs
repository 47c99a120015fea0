using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace TypedMail.Mailbox.Tests.Browser;

/// <summary>
/// One tab: navigation, script evaluation in the page or inside a frame, clicks, screenshots, and a log of every
/// network request made by the page and its frames (out-of-process frames included, through auto-attach).
/// </summary>
internal sealed class BrowserPage
{
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(20);

    private readonly CdpConnection _connection;
    private readonly string _sessionId;
    private readonly ConcurrentDictionary<string, NetworkRequest> _requests = new();
    private readonly ConcurrentDictionary<string, string> _frameSessions = new(); // frame (target) id → session id
    private readonly ConcurrentQueue<string> _consoleMessages = new();

    private BrowserPage(CdpConnection connection, string sessionId)
    {
        _connection = connection;
        _sessionId = sessionId;
        connection.EventReceived += OnEvent;
    }

    /// <summary>Every request seen so far, in no particular order.</summary>
    public IReadOnlyCollection<NetworkRequest> Requests => _requests.Values.ToArray();

    /// <summary>What the page and its frames wrote to the console.</summary>
    public IReadOnlyCollection<string> ConsoleMessages => _consoleMessages.ToArray();

    public static async Task<BrowserPage> OpenAsync(CdpConnection connection)
    {
        var target = await connection.SendAsync("Target.createTarget", new { url = "about:blank" });
        var attached = await connection.SendAsync("Target.attachToTarget", new { targetId = target.GetProperty("targetId").GetString(), flatten = true });
        var page = new BrowserPage(connection, attached.GetProperty("sessionId").GetString()!);
        await page.EnableAsync(page._sessionId);
        await page.Send("Emulation.setDeviceMetricsOverride", new { width = 1280, height = 860, deviceScaleFactor = 1, mobile = false });
        return page;
    }

    /// <summary>Loads <paramref name="url"/> and waits for its load event.</summary>
    public async Task NavigateAsync(Uri url)
    {
        var loaded = WaitForEventAsync("Page.loadEventFired", _sessionId);
        var result = await Send("Page.navigate", new { url = url.ToString() });
        if (result.TryGetProperty("errorText", out var error))
        {
            throw new InvalidOperationException($"Navigating to {url} failed: {error.GetString()}");
        }

        await loaded;
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page (promises awaited) and returns its JSON value.</summary>
    public Task<JsonElement> EvaluateAsync(string expression) => EvaluateAsync(expression, _sessionId, null);

    /// <summary>Polls <paramref name="expression"/> until it is true; the timeout names the condition.</summary>
    public async Task WaitUntilAsync(string expression, string what)
    {
        var deadline = DateTime.UtcNow + WaitTimeout;
        while (true)
        {
            // During a navigation the document may have no body yet: that is "not yet", not an error.
            var value = await EvaluateAsync($"(() => {{ try {{ return !!({expression}); }} catch {{ return false; }} }})()");
            if (value.ValueKind == JsonValueKind.True)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {WaitTimeout.TotalSeconds} s for {what} ({expression}).");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Clicks the first element matching <paramref name="selector"/>, as a user would (a DOM click event).</summary>
    public async Task ClickAsync(string selector)
    {
        var found = await EvaluateAsync($"(() => {{ const e = document.querySelector({JsonSerializer.Serialize(selector)}); if (!e) return false; e.click(); return true; }})()");
        if (found.ValueKind != JsonValueKind.True)
        {
            throw new InvalidOperationException($"No element matches {selector}.");
        }
    }

    /// <summary>
    /// Evaluates <paramref name="expression"/> inside the child frame whose URL contains <paramref name="urlPart"/>, in an
    /// isolated world: it works even where the frame's own scripts are disabled by its sandbox.
    /// </summary>
    public async Task<JsonElement> EvaluateInFrameAsync(string urlPart, string expression)
    {
        var deadline = DateTime.UtcNow + WaitTimeout;
        while (true)
        {
            var (sessionId, frameId) = await FindFrameAsync(urlPart);
            if (frameId is not null)
            {
                var world = await Send("Page.createIsolatedWorld", new { frameId, worldName = "typedmail-tests", grantUniveralAccess = false }, sessionId);
                return await EvaluateAsync(expression, sessionId, world.GetProperty("executionContextId").GetInt32());
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No frame with a URL containing '{urlPart}' appeared within {WaitTimeout.TotalSeconds} s.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Saves a PNG of the viewport and returns its bytes.</summary>
    public async Task<byte[]> ScreenshotAsync(string? path = null)
    {
        var shot = await Send("Page.captureScreenshot", new { format = "png" });
        var bytes = Convert.FromBase64String(shot.GetProperty("data").GetString()!);
        if (path is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes);
        }

        return bytes;
    }

    private async Task<(string SessionId, string? FrameId)> FindFrameAsync(string urlPart)
    {
        // In-process frames are in the page's own frame tree; out-of-process ones are attached targets of their own.
        var tree = await Send("Page.getFrameTree");
        if (FindInTree(tree.GetProperty("frameTree"), urlPart) is { } frameId)
        {
            return (_sessionId, frameId);
        }

        foreach (var (targetId, sessionId) in _frameSessions)
        {
            var childTree = await Send("Page.getFrameTree", null, sessionId);
            if (FindInTree(childTree.GetProperty("frameTree"), urlPart) is { } childFrame)
            {
                return (sessionId, childFrame);
            }
        }

        return (_sessionId, null);
    }

    private static string? FindInTree(JsonElement node, string urlPart)
    {
        var frame = node.GetProperty("frame");
        if (frame.TryGetProperty("parentId", out _) && frame.GetProperty("url").GetString()!.Contains(urlPart, StringComparison.Ordinal))
        {
            return frame.GetProperty("id").GetString();
        }

        if (node.TryGetProperty("childFrames", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                if (FindInTree(child, urlPart) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private async Task<JsonElement> EvaluateAsync(string expression, string sessionId, int? contextId)
    {
        object parameters = contextId is int id
            ? new { expression, returnByValue = true, awaitPromise = true, contextId = id }
            : new { expression, returnByValue = true, awaitPromise = true };
        var result = await Send("Runtime.evaluate", parameters, sessionId);
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"Evaluating {expression} threw: {exception}");
        }

        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var json) ? json : default;
    }

    private async Task EnableAsync(string sessionId)
    {
        await Send("Page.enable", null, sessionId);
        await Send("Runtime.enable", null, sessionId);
        await Send("Network.enable", null, sessionId);
        await Send("Target.setAutoAttach", new { autoAttach = true, waitForDebuggerOnStart = true, flatten = true }, sessionId);
    }

    private Task<JsonElement> Send(string method, object? parameters = null, string? sessionId = null) =>
        _connection.SendAsync(method, parameters, sessionId ?? _sessionId);

    private Task WaitForEventAsync(string method, string sessionId)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Handler(CdpEvent e)
        {
            if (e.Method == method && e.SessionId == sessionId)
            {
                fired.TrySetResult();
            }
        }

        _connection.EventReceived += Handler;
        return fired.Task.WaitAsync(WaitTimeout).ContinueWith(
            task =>
            {
                _connection.EventReceived -= Handler;
                task.GetAwaiter().GetResult();
            },
            TaskScheduler.Default);
    }

    private void OnEvent(CdpEvent e)
    {
        if (e.SessionId != _sessionId && (e.SessionId is null || !_frameSessions.Values.Contains(e.SessionId)) && e.Method != "Target.attachedToTarget")
        {
            return;
        }

        var p = e.Params;
        switch (e.Method)
        {
            case "Target.attachedToTarget" when e.SessionId == _sessionId || _frameSessions.Values.Contains(e.SessionId ?? string.Empty):
                var child = p.GetProperty("sessionId").GetString()!;
                _frameSessions[p.GetProperty("targetInfo").GetProperty("targetId").GetString()!] = child;
                // Paused until its network is watched, so no request of the frame goes unseen.
                _ = Task.Run(async () =>
                {
                    await EnableAsync(child);
                    await _connection.SendAsync("Runtime.runIfWaitingForDebugger", null, child);
                });
                break;
            case "Network.requestWillBeSent":
                var requestId = p.GetProperty("requestId").GetString()!;
                _requests[requestId] = new NetworkRequest(
                    requestId,
                    p.GetProperty("request").GetProperty("url").GetString()!,
                    p.TryGetProperty("frameId", out var frame) ? frame.GetString() : null);
                break;
            case "Network.responseReceived" when _requests.TryGetValue(p.GetProperty("requestId").GetString()!, out var request):
                request.Status = p.GetProperty("response").GetProperty("status").GetInt32();
                request.MimeType = p.GetProperty("response").GetProperty("mimeType").GetString();
                break;
            case "Network.loadingFinished" when _requests.TryGetValue(p.GetProperty("requestId").GetString()!, out var finished):
                finished.Finished = true;
                break;
            case "Network.loadingFailed" when _requests.TryGetValue(p.GetProperty("requestId").GetString()!, out var failed):
                failed.Failure = p.TryGetProperty("blockedReason", out var reason) ? "blocked: " + reason.GetString() : p.GetProperty("errorText").GetString();
                break;
            case "Runtime.consoleAPICalled":
                _consoleMessages.Enqueue(string.Join(" ", p.GetProperty("args").EnumerateArray().Select(arg => arg.TryGetProperty("value", out var v) ? v.ToString() : arg.ToString())));
                break;
        }
    }
}
