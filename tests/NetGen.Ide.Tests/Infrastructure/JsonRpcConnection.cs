using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace NetGen.Ide.Tests.Infrastructure;

/// <summary>
/// The LSP base protocol over a pair of streams: JSON-RPC 2.0 messages framed by a
/// <c>Content-Length</c> header. Requests this side sends get their response through a task;
/// requests the server sends are answered by <see cref="ServerRequestHandler"/>; notifications go to
/// <see cref="NotificationReceived"/>. One thread reads; writes are serialized by a lock.
/// </summary>
internal sealed class JsonRpcConnection : IDisposable
{
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly object _writeLock = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly Thread _reader;
    private int _nextId;

    public JsonRpcConnection(Stream input, Stream output)
    {
        _input = input;
        _output = output;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "LSP reader" };
    }

    /// <summary>Answers a request from the server: (method, params) -> result.</summary>
    public Func<string, JsonNode?, JsonNode?> ServerRequestHandler { get; init; } = static (_, _) => null;

    /// <summary>Called on the reader thread for every notification: (method, params).</summary>
    public event Action<string, JsonNode?>? NotificationReceived;

    /// <summary>Why reading stopped, once it has: the end of the stream or a malformed message.</summary>
    public string? Closed { get; private set; }

    public void Start() => _reader.Start();

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        if (Closed is not null)
        {
            // The reader has stopped and failed what was pending before this request was: fail it too.
            completion.TrySetException(new IOException($"The language server connection closed: {Closed}."));
        }

        Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        try
        {
            return await completion.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The language server did not answer '{method}' within {timeout.TotalSeconds:0} s.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public void Notify(string method, JsonNode? parameters) =>
        Write(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private void Write(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        lock (_writeLock)
        {
            _output.Write(header);
            _output.Write(body);
            _output.Flush();
        }
    }

    private void ReadLoop()
    {
        try
        {
            while (ReadMessage() is { } message)
            {
                Dispatch(message);
            }

            Closed = "the server closed its output";
        }
        catch (Exception exception) when (exception is IOException or JsonException or FormatException or ObjectDisposedException)
        {
            Closed = exception.Message;
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new IOException($"The language server connection closed: {Closed}."));
        }
    }

    private void Dispatch(JsonObject message)
    {
        var method = message["method"]?.GetValue<string>();
        var hasId = message.TryGetPropertyValue("id", out var id) && id is not null;
        if (method is null)
        {
            // A response to one of our requests.
            if (hasId && _pending.TryGetValue(id!.GetValue<int>(), out var completion))
            {
                if (message["error"] is { } error)
                {
                    completion.TrySetException(new InvalidOperationException($"The language server answered with an error: {error.ToJsonString()}"));
                }
                else
                {
                    completion.TrySetResult(message["result"]?.DeepClone());
                }
            }

            return;
        }

        var parameters = message["params"]?.DeepClone();
        if (!hasId)
        {
            NotificationReceived?.Invoke(method, parameters);
            return;
        }

        // A request from the server: it waits for an answer, so every one gets one.
        Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id!.DeepClone(), ["result"] = ServerRequestHandler(method, parameters) });
    }

    private JsonObject? ReadMessage()
    {
        int? length = null;
        while (ReadHeaderLine() is { } line)
        {
            if (line.Length == 0)
            {
                if (length is null)
                {
                    throw new FormatException("A message had no Content-Length header.");
                }

                var body = new byte[length.Value];
                _input.ReadExactly(body);
                return JsonNode.Parse(body)?.AsObject() ?? throw new FormatException("A message was not a JSON object.");
            }

            const string ContentLength = "Content-Length:";
            if (line.StartsWith(ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line.AsSpan(ContentLength.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>One header line without its CR LF, or null at the end of the stream.</summary>
    private string? ReadHeaderLine()
    {
        var bytes = new List<byte>();
        while (true)
        {
            var next = _input.ReadByte();
            if (next < 0)
            {
                return bytes.Count == 0 ? null : throw new EndOfStreamException("The stream ended inside a header.");
            }

            if (next == '\n')
            {
                if (bytes.Count > 0 && bytes[^1] == '\r')
                {
                    bytes.RemoveAt(bytes.Count - 1);
                }

                return Encoding.ASCII.GetString(bytes.ToArray());
            }

            bytes.Add((byte)next);
        }
    }

    public void Dispose()
    {
        _input.Dispose();
        _output.Dispose();
    }
}
