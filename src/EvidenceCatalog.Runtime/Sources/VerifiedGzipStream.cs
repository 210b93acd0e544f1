using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.IO.Hashing;

namespace EvidenceCatalog.Runtime.Sources;

/// <summary>
/// Decompresses gzip (RFC 1952) member by member, as <c>gzip</c> does, and checks what .NET's <see cref="GZipStream"/>
/// does not: that every member ends with its 8-byte trailer, and that the trailer's CRC-32 and length (mod 2^32) match
/// the member's data. An input cut off — even right after a flush point, where the deflate data so far is consistent
/// and <see cref="GZipStream"/> simply ends — or a trailer that does not match, or bytes after the last member that are
/// not gzip, raise an <see cref="InvalidDataException"/> once the data before the damage has been returned, so the
/// records before it are read.
/// </summary>
/// <remarks>
/// The deflate data of a member is inflated by <see cref="DeflateStream"/>, which reads ahead and does not say where
/// the data ended. So the stream under it hands out at most <see cref="MaxHandout"/> bytes at a time and remembers the
/// last handout: when the deflate data ends, its end lies within that handout, and the trailer is the first 8 bytes
/// from there whose CRC-32 and length match what was inflated (a false match inside deflate data has odds of 2^-64
/// per position).
/// </remarks>
internal sealed class VerifiedGzipStream : ReadOnlyStream
{
    private const int BufferSize = 64 * 1024;
    private const int MaxHandout = 16 * 1024;
    private const int TrailerLength = 8;

    private readonly byte[] buffer = new byte[BufferSize];
    private readonly Crc32 crc = new();
    private readonly Feed feed;
    private int start;
    private int end;
    private bool innerEnded;
    private DeflateStream? deflate;
    private long length;
    private int member;
    private bool done;

    public VerifiedGzipStream(Stream compressed)
        : base(compressed)
    {
        feed = new Feed(this);
    }

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }

        while (!done)
        {
            if (deflate is null && !BeginMember())
            {
                done = true;
                break;
            }

            int read;
            try
            {
                read = deflate!.Read(destination);
            }
            catch (InvalidDataException)
            {
                throw Damaged($"member {Member} holds corrupt deflate data (gzip -t: invalid compressed data--format violated)");
            }

            if (read > 0)
            {
                crc.Append(destination[..read]);
                length += read;
                return read;
            }

            if (feed.Exhausted)
            {
                throw Damaged($"the input ends inside member {Member}'s compressed data: it was cut off (gzip -t: unexpected end of file)");
            }

            EndMember();
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            deflate?.Dispose();
        }

        base.Dispose(disposing);
    }

    private string Member => member.ToString(CultureInfo.InvariantCulture);

    private static InvalidDataException Damaged(string reason) => new(reason);

    /// <summary>Reads a member's header (RFC 1952, 2.3); false at the end of the input after a complete member.</summary>
    private bool BeginMember()
    {
        var header = new Crc32();
        int id1 = NextByte(header);
        if (id1 < 0 && member > 0)
        {
            return false;
        }

        member++;
        int id2 = NextByte(header);
        if (id1 != 0x1f || id2 != 0x8b)
        {
            throw Damaged(member == 1
                ? "the input does not start with a gzip header"
                : $"the input goes on after member {member - 1} with bytes that are not gzip data (gzip -t: trailing garbage)");
        }

        int method = Required(header);
        int flags = Required(header);
        if (method != 8)
        {
            throw Damaged($"member {Member} uses compression method {method}, not deflate (8)");
        }

        if ((flags & 0xE0) != 0)
        {
            throw Damaged($"member {Member}'s header sets reserved flags (0x{flags:x2})");
        }

        for (int i = 0; i < 6; i++)
        {
            Required(header); // MTIME, XFL, OS
        }

        if ((flags & 0x04) != 0)
        {
            int extra = Required(header) | (Required(header) << 8);
            for (int i = 0; i < extra; i++)
            {
                Required(header);
            }
        }

        for (int text = 0x08; text <= 0x10; text <<= 1)
        {
            // FNAME, then FCOMMENT: zero-terminated.
            if ((flags & text) != 0)
            {
                while (Required(header) != 0)
                {
                }
            }
        }

        if ((flags & 0x02) != 0)
        {
            uint expected = header.GetCurrentHashAsUInt32() & 0xFFFF;
            uint stored = (uint)(Required(null) | (Required(null) << 8));
            if (stored != expected)
            {
                throw Damaged($"member {Member}'s header CRC does not match its header");
            }
        }

        crc.Reset();
        length = 0;
        feed.Reset();
        deflate = new DeflateStream(feed, CompressionMode.Decompress, leaveOpen: true);
        return true;
    }

    /// <summary>The deflate data has ended: finds the trailer within the last handout and checks it.</summary>
    private void EndMember()
    {
        deflate!.Dispose();
        deflate = null;

        // Keep the last handout and what follows it at the front of the buffer, then make room for its trailer.
        int from = feed.LastStart;
        Buffer.BlockCopy(buffer, from, buffer, 0, end - from);
        end -= from;
        start -= from;
        int handout = feed.LastLength;
        while (end < handout + TrailerLength && !innerEnded)
        {
            int read = Inner.Read(buffer.AsSpan(end));
            innerEnded = read == 0;
            end += read;
        }

        uint expectedCrc = crc.GetCurrentHashAsUInt32();
        uint expectedSize = unchecked((uint)length);
        int crcOnly = -1;
        int sizeOnly = -1;
        for (int k = 0; k <= handout && k + TrailerLength <= end; k++)
        {
            var trailer = buffer.AsSpan(k, TrailerLength);
            bool crcMatches = BinaryPrimitives.ReadUInt32LittleEndian(trailer) == expectedCrc;
            bool sizeMatches = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) == expectedSize;
            if (crcMatches && sizeMatches)
            {
                start = k + TrailerLength;
                return;
            }

            crcOnly = crcMatches && crcOnly < 0 ? k : crcOnly;
            sizeOnly = sizeMatches && sizeOnly < 0 ? k : sizeOnly;
        }

        // Half a match (32 bits) locates the trailer well enough to say which half is wrong.
        throw Damaged(
            sizeOnly >= 0 ? $"member {Member}'s CRC-32 does not match its data: it was changed (gzip -t: crc error)"
            : crcOnly >= 0 ? $"member {Member}'s trailer records another length than its {length} bytes of data: it was changed (gzip -t: length error)"
            : $"member {Member} ends without a trailer that matches its data: the input was cut off or changed (gzip -t: unexpected end of file)");
    }

    /// <summary>The next byte of the input (hashed into <paramref name="header"/>), or -1 at its end.</summary>
    private int NextByte(Crc32? header)
    {
        if (start == end && !Fill())
        {
            return -1;
        }

        byte next = buffer[start++];
        header?.Append([next]);
        return next;
    }

    private int Required(Crc32? header)
    {
        int next = NextByte(header);
        return next >= 0 ? next : throw Damaged($"the input ends inside member {Member}'s header: it was cut off (gzip -t: unexpected end of file)");
    }

    /// <summary>Refills the empty buffer from the input; false at its end.</summary>
    private bool Fill()
    {
        start = 0;
        end = innerEnded ? 0 : Inner.Read(buffer);
        innerEnded = end == 0;
        return end > 0;
    }

    /// <summary>What the inflater reads: the buffered input, a bounded handout at a time, the last one remembered.</summary>
    private sealed class Feed(VerifiedGzipStream owner) : Stream
    {
        /// <summary>True once the inflater asked for more and the input had none.</summary>
        public bool Exhausted { get; private set; }

        public int LastStart { get; private set; }

        public int LastLength { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Reset()
        {
            Exhausted = false;
            LastStart = owner.start;
            LastLength = 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> destination)
        {
            if (owner.start == owner.end && !owner.Fill())
            {
                Exhausted = true;
                return 0;
            }

            int count = Math.Min(Math.Min(destination.Length, owner.end - owner.start), MaxHandout);
            owner.buffer.AsSpan(owner.start, count).CopyTo(destination);
            LastStart = owner.start;
            LastLength = count;
            owner.start += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
