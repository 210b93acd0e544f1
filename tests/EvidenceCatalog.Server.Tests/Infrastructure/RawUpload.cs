using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EvidenceCatalog.Server.Tests.Infrastructure;

/// <summary>
/// <c>POST /api/events</c> over a bare socket, its body trickled <c>chunk</c> bytes every <c>interval</c>, as an attacker
/// sends it: for answers the server gives before the body ends, which HttpClient only returns once it has sent it all.
/// Once the answer starts, the body stops, as any client stops sending what the server has refused.
/// </summary>
internal sealed class RawUpload : IAsyncDisposable
{
    private readonly TcpClient client;
    private readonly CancellationTokenSource stop = new();
    private int sent;

    private RawUpload(TcpClient client)
    {
        this.client = client;
        Response = ReadResponseAsync(client.GetStream());
    }

    /// <summary>Body bytes on the socket so far.</summary>
    public int Sent => Volatile.Read(ref sent);

    /// <summary>The server's answer, once it has closed the connection.</summary>
    public Task<RawResponse> Response { get; }

    public static async Task<RawUpload> StartAsync(Uri server, string token, byte[] body, int chunk, TimeSpan interval, bool chunked)
    {
        var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        string framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {body.Length}";
        string head = $"POST /api/events HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/x-ndjson\r\n{framing}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var upload = new RawUpload(client);
        _ = upload.TrickleAsync(stream, body, chunk, interval, chunked);
        return upload;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        client.Dispose();
        stop.Dispose();
    }

    private async Task<RawResponse> ReadResponseAsync(NetworkStream stream)
    {
        var all = new MemoryStream();
        byte[] buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                await stop.CancelAsync();
                all.Write(buffer, 0, read);
                if (TryParse(Encoding.UTF8.GetString(all.ToArray())) is { } whole)
                {
                    return whole; // without waiting for Kestrel to give up draining the rest of the body
                }
            }
        }
        catch (IOException) when (all.Length > 0)
        {
            // Reset after its answer: Kestrel drops a connection whose body it stopped draining.
        }

        return TryParse(Encoding.UTF8.GetString(all.ToArray())) ?? throw new IOException("the connection closed before a whole answer arrived");
    }

    /// <summary>The answer, once its head and its whole body (by Content-Length, or to the last chunk) are in.</summary>
    private static RawResponse? TryParse(string text)
    {
        int split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return null;
        }

        string[] head = text[..split].Split("\r\n");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in head[1..])
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        string content = text[(split + 4)..];
        int status = int.Parse(head[0].Split(' ')[1], CultureInfo.InvariantCulture);
        if (headers.TryGetValue("Content-Length", out string? length))
        {
            int size = int.Parse(length, CultureInfo.InvariantCulture);
            return content.Length >= size ? new RawResponse(status, headers, content[..size]) : null;
        }

        var joined = new StringBuilder();
        while (true)
        {
            int end = content.IndexOf("\r\n", StringComparison.Ordinal);
            if (end < 0)
            {
                return null;
            }

            int size = int.Parse(content[..end], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return new RawResponse(status, headers, joined.ToString());
            }

            if (content.Length < end + 2 + size + 2)
            {
                return null;
            }

            joined.Append(content, end + 2, size);
            content = content[(end + 2 + size + 2)..];
        }
    }

    private async Task TrickleAsync(NetworkStream stream, byte[] body, int chunk, TimeSpan interval, bool chunked)
    {
        try
        {
            while (Sent < body.Length && !stop.IsCancellationRequested)
            {
                int n = Math.Min(chunk, body.Length - Sent);
                byte[] piece = body.AsSpan(Sent, n).ToArray();
                if (chunked)
                {
                    piece = [.. Encoding.ASCII.GetBytes($"{n:x}\r\n"), .. piece, .. "\r\n"u8];
                }

                await stream.WriteAsync(piece, stop.Token);
                Volatile.Write(ref sent, Sent + n);
                await Task.Delay(interval, stop.Token);
            }

            if (chunked)
            {
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), stop.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The server closed the connection (after answering), or the test is over.
        }
    }
}

/// <summary>An HTTP answer as read off the socket.</summary>
internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);
