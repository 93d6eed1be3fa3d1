using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace NetGen.Ide.Tests.Infrastructure;

/// <summary>
/// csharp-ls (the repository's local dotnet tool, <c>.config/dotnet-tools.json</c>) over stdio, as an
/// editor runs it: initialized on one workspace folder with its <c>csharp.analyzersEnabled</c> setting,
/// which the server pulls through <c>workspace/configuration</c> (its README: settings are read from the
/// <c>csharp</c> section). Keeps the last <c>textDocument/publishDiagnostics</c> of every document.
/// </summary>
internal sealed class CSharpLanguageServer : IDisposable
{
    private const string ToolManifest = ".config/dotnet-tools.json";

    private readonly Process _process;
    private readonly JsonRpcConnection _connection;
    private readonly StringBuilder _log = new();
    private readonly object _diagnosticsLock = new();
    private readonly Dictionary<string, (int Count, JsonArray Diagnostics)> _diagnostics = new(StringComparer.Ordinal);
    private readonly bool _analyzersEnabled;
    private TaskCompletionSource _diagnosticsChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CSharpLanguageServer(Process process, bool analyzersEnabled)
    {
        _process = process;
        _analyzersEnabled = analyzersEnabled;
        _connection = new JsonRpcConnection(process.StandardOutput.BaseStream, process.StandardInput.BaseStream)
        {
            ServerRequestHandler = AnswerServerRequest,
        };
        _connection.NotificationReceived += OnNotification;
        process.ErrorDataReceived += (_, e) => AppendLog("stderr", e.Data);
    }

    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Starts csharp-ls from <paramref name="repositoryRoot"/>'s tool manifest and initializes it on
    /// <paramref name="workspace"/>, answering <c>csharp.analyzersEnabled</c> with <paramref name="analyzersEnabled"/>.
    /// </summary>
    public static async Task<CSharpLanguageServer> StartAsync(string repositoryRoot, string workspace, bool analyzersEnabled)
    {
        if (!File.Exists(Path.Combine(repositoryRoot, ToolManifest)))
        {
            throw new InvalidOperationException($"{ToolManifest} is missing from {repositoryRoot}: the csharp-ls tool cannot be restored.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            // The local tool manifest is found from the working directory.
            WorkingDirectory = repositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("tool");
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("csharp-ls");
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var server = new CSharpLanguageServer(process, analyzersEnabled);
        process.BeginErrorReadLine();
        server._connection.Start();
        try
        {
            await server.InitializeAsync(workspace).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or TimeoutException or InvalidOperationException)
        {
            var exited = process.WaitForExit(TimeSpan.FromSeconds(2));
            var why = exited
                ? $"'dotnet tool run csharp-ls' exited with code {process.ExitCode}. If the tool is not restored, run 'dotnet tool restore' in {repositoryRoot} (.ci/run does)."
                : "csharp-ls did not initialize.";
            var log = server.Log;
            server.Dispose();
            throw new InvalidOperationException($"{why}\n{exception.Message}\nServer output:\n{log}", exception);
        }

        return server;
    }

    /// <summary>What the server wrote to stderr and sent as log messages, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public void Open(string path, string text) =>
        _connection.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = UriOf(path), ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });

    /// <summary>Replaces <paramref name="range"/> of an open document, as an editor sends a keystroke's change.</summary>
    public void Change(string path, int version, LspRange range, string newText) =>
        _connection.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = UriOf(path), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = range.ToJson(), ["text"] = newText }),
        });

    /// <summary>The hover's text at <paramref name="position"/>, or null when the server has none (yet).</summary>
    public async Task<string?> HoverAsync(string path, LspPosition position)
    {
        var result = await _connection.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = UriOf(path) },
            ["position"] = position.ToJson(),
        }, Timeout).ConfigureAwait(false);
        return result?["contents"] switch
        {
            JsonObject markup => markup["value"]?.GetValue<string>(),
            JsonValue plain => plain.GetValue<string>(),
            JsonArray parts => string.Join("\n", parts.Select(static p => p is JsonObject o ? o["value"]?.GetValue<string>() : p?.GetValue<string>())),
            _ => null,
        };
    }

    /// <summary>How many times diagnostics were published for <paramref name="path"/> so far.</summary>
    public int PublishCount(string path)
    {
        lock (_diagnosticsLock)
        {
            return _diagnostics.TryGetValue(UriOf(path), out var published) ? published.Count : 0;
        }
    }

    /// <summary>
    /// Hovers <paramref name="position"/> until the text contains <paramref name="expected"/> (the server answers
    /// without generated members while it loads the project) and returns it; fails after <see cref="Timeout"/>.
    /// </summary>
    public async Task<string> WaitForHoverAsync(string path, LspPosition position, string expected)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var hover = await HoverAsync(path, position).ConfigureAwait(false);
            if (hover is not null && hover.ReplaceLineEndings("\n").Contains(expected, StringComparison.Ordinal))
            {
                return hover;
            }

            if (deadline.Elapsed > Timeout)
            {
                throw new TimeoutException(
                    $"The hover at {position} of {Path.GetFileName(path)} did not show the expected text within {Timeout.TotalSeconds:0} s.\n" +
                    $"Expected:\n{expected}\nLast hover:\n{hover ?? "(none)"}\nServer output:\n{Log}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits until the diagnostics last published for <paramref name="path"/>, in a publication later than the
    /// first <paramref name="after"/>, satisfy <paramref name="condition"/>, and returns them; fails after
    /// <see cref="Timeout"/> with <paramref name="what"/> and what arrived.
    /// </summary>
    public async Task<IReadOnlyList<LspDiagnostic>> WaitForDiagnosticsAsync(string path, string what, Func<IReadOnlyList<LspDiagnostic>, bool> condition, int after = 0)
    {
        var uri = UriOf(path);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Task changed;
            IReadOnlyList<LspDiagnostic>? current = null;
            lock (_diagnosticsLock)
            {
                changed = _diagnosticsChanged.Task;
                if (_diagnostics.TryGetValue(uri, out var published) && published.Count > after)
                {
                    current = published.Diagnostics.Select(static d => LspDiagnostic.From(d!)).ToList();
                }
            }

            if (current is not null && condition(current))
            {
                return current;
            }

            var left = Timeout - deadline.Elapsed;
            if (left <= TimeSpan.Zero || _connection.Closed is not null)
            {
                var seen = current is null ? $"none published after the first {after}" : string.Join("\n", current);
                throw new TimeoutException(
                    $"csharp-ls did not publish {what} for {Path.GetFileName(path)} within {Timeout.TotalSeconds:0} s" +
                    $"{(_connection.Closed is null ? "" : $" (connection closed: {_connection.Closed})")}.\nLast diagnostics:\n{seen}\nServer output:\n{Log}");
            }

            await Task.WhenAny(changed, Task.Delay(left)).ConfigureAwait(false);
        }
    }

    public static string UriOf(string path) => new Uri(path).AbsoluteUri;

    private async Task InitializeAsync(string workspace)
    {
        var root = UriOf(workspace);
        await _connection.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = root,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = Path.GetFileName(workspace) }),
            ["capabilities"] = new JsonObject
            {
                // workspace/configuration is how the server reads the csharp section (analyzersEnabled).
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                // No textDocument/diagnostic capability: the server then pushes publishDiagnostics.
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["didSave"] = true },
                    ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
                    ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true },
                },
                ["window"] = new JsonObject { ["workDoneProgress"] = true },
            },
        }, Timeout).ConfigureAwait(false);
        _connection.Notify("initialized", new JsonObject());
    }

    private JsonNode? AnswerServerRequest(string method, JsonNode? parameters)
    {
        if (method != "workspace/configuration")
        {
            // client/registerCapability, window/workDoneProgress/create...: an empty success is all they need.
            return null;
        }

        var answers = new JsonArray();
        foreach (var item in parameters?["items"]?.AsArray() ?? [])
        {
            answers.Add(item?["section"]?.GetValue<string>() == "csharp" ? new JsonObject { ["analyzersEnabled"] = _analyzersEnabled } : null);
        }

        return answers;
    }

    private void OnNotification(string method, JsonNode? parameters)
    {
        if (method is "window/logMessage" or "window/showMessage")
        {
            AppendLog("log", parameters?["message"]?.GetValue<string>());
            return;
        }

        if (method != "textDocument/publishDiagnostics" || parameters?["uri"]?.GetValue<string>() is not { } uri)
        {
            return;
        }

        lock (_diagnosticsLock)
        {
            var key = new Uri(uri).AbsoluteUri;
            var count = _diagnostics.TryGetValue(key, out var previous) ? previous.Count : 0;
            _diagnostics[key] = (count + 1, parameters["diagnostics"]?.AsArray() ?? []);
            var changed = _diagnosticsChanged;
            _diagnosticsChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }

    private void AppendLog(string source, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            // The tail is what explains a failure; a long session is cut to it.
            if (_log.Length > 200_000)
            {
                _log.Remove(0, 100_000);
            }

            _log.Append(source).Append(": ").AppendLine(line);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited && _connection.Closed is null)
            {
                _connection.RequestAsync("shutdown", null, TimeSpan.FromSeconds(10)).Wait(TimeSpan.FromSeconds(10));
                _connection.Notify("exit", null);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception exception) when (exception is AggregateException or IOException or TimeoutException or InvalidOperationException or ObjectDisposedException)
        {
            // Shutting down is best effort; the kill below ends the server either way.
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }

            _connection.Dispose();
            _process.Dispose();
        }
    }
}
