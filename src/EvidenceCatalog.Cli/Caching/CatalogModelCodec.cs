using System;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using EvidenceCatalog.Model;

namespace EvidenceCatalog.Cli.Caching;

/// <summary>A compiled catalog as the cache keeps it.</summary>
/// <param name="Format">The layout of the entry (<see cref="CompiledCatalogCache.Format"/>).</param>
/// <param name="Key">The key it was stored under, checked on load.</param>
/// <param name="Model">The model the compiler built.</param>
internal sealed record CachedCatalog(int Format, string Key, CatalogModel Model);

/// <summary>
/// A <see cref="CatalogModel"/> as bytes and back, exactly: every constructor parameter of every model record in order,
/// strings as their UTF-16 code units (so any string, lone surrogates included, comes back the same), enums as numbers.
/// Written by hand rather than with a serializer: it loads with no reflection and no code compiled at run time (with
/// System.Text.Json's generated metadata, compiling its generic code for the model's enums and structs cost more than
/// the YAML it replaced). Each type's <c>Write</c> and <c>Read</c> sit together and take the parameters in the same order.
/// </summary>
internal static class CatalogModelCodec
{
    private const int DigestBytes = 32;

    /// <summary>Writes the entry: its layout (<see cref="CachedCatalog.Format"/>) and key, the SHA-256 of the model's bytes, then those bytes.</summary>
    public static void Write(Stream stream, CachedCatalog entry)
    {
        using var model = new MemoryStream();
        var body = new Writer(model);
        Write(body, entry.Model);
        var bytes = model.GetBuffer().AsSpan(0, (int)model.Length);

        var writer = new Writer(stream);
        writer.Number(entry.Format);
        writer.Text(entry.Key);
        stream.Write(SHA256.HashData(bytes));
        stream.Write(bytes);
        writer.Flush();
    }

    /// <summary>
    /// The entry in <paramref name="bytes"/>, or null when it is of another layout than <paramref name="format"/>. The
    /// model is decoded only when its bytes have the SHA-256 written before them, so damage anywhere in it is refused.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a whole entry.</exception>
    public static CachedCatalog? Read(ReadOnlySpan<byte> bytes, int format)
    {
        var header = new Reader(bytes);
        if (header.Number() != format)
        {
            return null;
        }

        string key = header.Text();
        var digest = header.Bytes(DigestBytes);
        var body = header.Rest();
        Span<byte> actual = stackalloc byte[DigestBytes];
        SHA256.HashData(body, actual);
        if (!actual.SequenceEqual(digest))
        {
            throw Damaged();
        }

        var reader = new Reader(body);
        var model = ReadCatalogModel(ref reader);
        reader.End();
        return new CachedCatalog(format, key, model);
    }

    // The model, then each record type in the order it appears in the model.
    private static void Write(Writer w, CatalogModel m)
    {
        w.List(m.Frameworks, Write);
        w.List(m.Controls, Write);
        w.List(m.EventTypes, Write);
        w.List(m.Metrics, Write);
        w.List(m.Encryption, Write);
        w.List(m.Vendors, Write);
        w.List(m.Severities, Write);
        w.List(m.Procedures, Write);
        w.List(m.Roles, Write);
        w.List(m.PermissionCategories, Write);
        w.List(m.RoleMappings, Write);
        w.Optional(m.Policies, Write);
        w.List(m.Sources, Write);
        w.List(m.Responders, Write);
        w.Date(m.AccessLastReviewed);
    }

    private static CatalogModel ReadCatalogModel(ref Reader r) => new(
        r.List(ReadFramework),
        r.List(ReadControl),
        r.List(ReadEventType),
        r.List(ReadSecurityMetric),
        r.List(ReadEncryptionControl),
        r.List(ReadVendor),
        r.List(ReadSeverity),
        r.List(ReadProcedure),
        r.List(ReadRole),
        r.List(ReadPermissionCategory),
        r.List(ReadRoleMapping),
        r.Optional(ReadCompliancePolicies),
        r.List(ReadLogSource),
        r.List(ReadResponder),
        r.Date());

    private static void Write(Writer w, Framework v)
    {
        w.Text(v.Id);
        w.Text(v.Name);
        w.Text(v.Version);
        w.Text(v.Publisher);
        w.Text(v.Description);
        w.List(v.Criteria, Write);
    }

    private static Framework ReadFramework(ref Reader r) => new(r.Text(), r.Text(), r.Text(), r.Text(), r.Text(), r.List(ReadCriterion));

    private static void Write(Writer w, Criterion v)
    {
        w.Text(v.Id);
        w.Number((int)v.Category);
        w.Text(v.Title);
    }

    private static Criterion ReadCriterion(ref Reader r) => new(r.Text(), (CriterionCategory)r.Number(), r.Text());

    private static void Write(Writer w, Control v)
    {
        w.Text(v.Id);
        w.Text(v.Name);
        w.Text(v.Description);
        w.Text(v.Owner);
        w.Texts(v.Criteria);
        w.Number((int)v.Cadence);
        w.List(v.Evidence, Write);
        w.Optional(v.Manual, Write);
        w.Date(v.LastReviewed);
        w.Number(v.ReviewEveryMonths);
    }

    private static Control ReadControl(ref Reader r) => new(
        r.Text(), r.Text(), r.Text(), r.Text(), r.Texts(), (Cadence)r.Number(), r.List(ReadEvidenceRule), r.Optional(ReadManualEvidence), r.Date(), r.OptionalNumber());

    private static void Write(Writer w, EvidenceRule v)
    {
        w.Text(v.EventType);
        w.Texts(v.Outcomes);
        w.Text(v.Description);
        w.Optional(v.Minimum, Write);
        w.Optional(v.Failures, Write);
    }

    private static EvidenceRule ReadEvidenceRule(ref Reader r) =>
        new(r.Text(), r.Texts(), r.OptionalText(), r.Optional(ReadEvidenceMinimum), r.Optional(ReadFailureLimit));

    private static void Write(Writer w, EvidenceMinimum v)
    {
        w.Text(v.Outcome);
        w.Number(v.AtLeast);
    }

    private static EvidenceMinimum ReadEvidenceMinimum(ref Reader r) => new(r.OptionalText(), r.Number());

    private static void Write(Writer w, FailureLimit v)
    {
        w.Texts(v.Outcomes);
        w.Number(v.MaxPercent);
    }

    private static FailureLimit ReadFailureLimit(ref Reader r) => new(r.Texts(), r.Number());

    private static void Write(Writer w, ManualEvidence v)
    {
        w.Text(v.Documents);
        w.Text(v.ProvidedBy);
    }

    private static ManualEvidence ReadManualEvidence(ref Reader r) => new(r.Text(), r.OptionalText());

    private static void Write(Writer w, EventType v)
    {
        w.Text(v.Id);
        w.Text(v.Description);
        w.Text(v.Category);
        w.Texts(v.Outcomes);
    }

    private static EventType ReadEventType(ref Reader r) => new(r.Text(), r.Text(), r.OptionalText(), r.Texts());

    private static void Write(Writer w, SecurityMetric v)
    {
        w.Text(v.Id);
        w.Text(v.Name);
        w.Text(v.Description);
        w.Text(v.EventType);
        w.Texts(v.Outcomes);
    }

    private static SecurityMetric ReadSecurityMetric(ref Reader r) => new(r.Text(), r.Text(), r.Text(), r.Text(), r.Texts());

    private static void Write(Writer w, EncryptionControl v)
    {
        w.Text(v.Id);
        w.Text(v.Name);
        w.Text(v.Algorithm);
        w.Number(v.KeySizeBits);
        w.Text(v.Scope);
        w.Text(v.ManagedBy);
        w.Text(v.SourceModule);
        w.Number((int)v.Coverage);
        w.Texts(v.Criteria);
        w.Text(v.Notes);
        w.Date(v.RotatedAt);
        w.Number(v.RotationDays);
    }

    private static EncryptionControl ReadEncryptionControl(ref Reader r) => new(
        r.Text(), r.Text(), r.Text(), r.OptionalNumber(), r.Text(), r.Text(), r.Text(), (EncryptionCoverage)r.Number(), r.Texts(), r.OptionalText(), r.Date(), r.OptionalNumber());

    private static void Write(Writer w, Vendor v)
    {
        w.Text(v.Id);
        w.Text(v.Name);
        w.Text(v.Service);
        w.Number((int)v.Risk);
        w.Number((int)v.Soc2TypeII);
        w.Date(v.Soc2PeriodEnd);
        w.Texts(v.Certifications);
        w.Texts(v.DataAccess);
        w.Texts(v.Mitigations);
        w.Date(v.LastReview);
        w.Date(v.NextReview);
    }

    private static Vendor ReadVendor(ref Reader r) => new(
        r.Text(), r.Text(), r.Text(), (RiskLevel)r.Number(), (Soc2Status)r.Number(), r.Date(), r.Texts(), r.Texts(), r.Texts(), r.Date() ?? throw Damaged(), r.Date() ?? throw Damaged());

    private static void Write(Writer w, Severity v)
    {
        w.Text(v.Id);
        w.Text(v.Name);
        w.Number(v.ResponseMinutes);
        w.Text(v.Description);
    }

    private static Severity ReadSeverity(ref Reader r) => new(r.Text(), r.Text(), r.Number(), r.OptionalText());

    private static void Write(Writer w, Procedure v)
    {
        w.Text(v.Id);
        w.Text(v.Name);
        w.Number((int)v.Phase);
        w.Text(v.Severity);
        w.Text(v.Description);
        w.List(v.Steps, Write);
        w.Texts(v.Severities);
        w.Date(v.LastTested);
    }

    private static Procedure ReadProcedure(ref Reader r) =>
        new(r.Text(), r.Text(), (IncidentPhase)r.Number(), r.OptionalText(), r.OptionalText(), r.List(ReadProcedureStep), r.Texts(), r.Date());

    private static void Write(Writer w, ProcedureStep v)
    {
        w.Text(v.Action);
        w.Text(v.Role);
        w.Number(v.SlaMinutes);
        w.Texts(v.Tools);
        w.Text(v.Escalation);
    }

    private static ProcedureStep ReadProcedureStep(ref Reader r) => new(r.Text(), r.Text(), r.Number(), r.Texts(), r.OptionalText());

    private static void Write(Writer w, Responder v)
    {
        w.Text(v.Id);
        w.Text(v.Name);
        w.Text(v.OnCall);
        w.Text(v.Escalation);
    }

    private static Responder ReadResponder(ref Reader r) => new(r.Text(), r.Text(), r.Text(), r.OptionalText());

    private static void Write(Writer w, Role v)
    {
        w.Text(v.Id);
        w.Text(v.Name);
        w.Number(v.Level);
        w.Text(v.Description);
        w.Texts(v.Permissions);
    }

    private static Role ReadRole(ref Reader r) => new(r.Text(), r.Text(), r.Number(), r.OptionalText(), r.Texts());

    private static void Write(Writer w, PermissionCategory v)
    {
        w.Text(v.Id);
        w.Text(v.Name);
        w.Text(v.Description);
        w.List(v.Permissions, Write);
    }

    private static PermissionCategory ReadPermissionCategory(ref Reader r) => new(r.Text(), r.Text(), r.OptionalText(), r.List(ReadPermission));

    private static void Write(Writer w, Permission v)
    {
        w.Text(v.Id);
        w.Text(v.Description);
    }

    private static Permission ReadPermission(ref Reader r) => new(r.Text(), r.Text());

    private static void Write(Writer w, RoleMapping v)
    {
        w.Number((int)v.System);
        w.Text(v.Group);
        w.Text(v.Role);
    }

    private static RoleMapping ReadRoleMapping(ref Reader r) => new((IdentitySystem)r.Number(), r.Text(), r.Text());

    private static void Write(Writer w, CompliancePolicies v)
    {
        Write(w, v.Organization);
        w.Texts(v.ActiveFrameworks);
        w.List(v.DataCategories, Write);
        Write(w, v.PiiDetection);
        Write(w, v.Retention);
        w.Texts(v.CategoriesInScope);
        w.Optional(v.Staleness, Write);
    }

    private static CompliancePolicies ReadCompliancePolicies(ref Reader r) => new(
        ReadOrganization(ref r), r.Texts(), r.List(ReadDataCategory), ReadPiiDetection(ref r), ReadRetentionPolicy(ref r), r.Texts(), r.Optional(ReadStalenessPolicy));

    private static void Write(Writer w, Organization v)
    {
        w.Text(v.Id);
        w.Text(v.Name);
    }

    private static Organization ReadOrganization(ref Reader r) => new(r.Text(), r.Text());

    private static void Write(Writer w, DataCategory v)
    {
        w.Text(v.Id);
        w.Text(v.Name);
        w.Number((int)v.Residency);
        w.Text(v.Description);
    }

    private static DataCategory ReadDataCategory(ref Reader r) => new(r.Text(), r.Text(), (DataResidency)r.Number(), r.OptionalText());

    private static void Write(Writer w, PiiDetection v)
    {
        w.Number(v.Enabled ? 1 : 0);
        w.Number((int)v.Mode);
        w.Texts(v.Entities);
        w.Number(v.MinConfidencePercent);
    }

    private static PiiDetection ReadPiiDetection(ref Reader r) => new(r.Number() != 0, (PiiDetectionMode)r.Number(), r.Texts(), r.Number());

    private static void Write(Writer w, RetentionPolicy v)
    {
        w.Number(v.AuditLogDays);
        w.Number(v.EvidenceDays);
        w.Number(v.IncidentRecordDays);
    }

    private static RetentionPolicy ReadRetentionPolicy(ref Reader r) => new(r.Number(), r.Number(), r.Number());

    private static void Write(Writer w, StalenessPolicy v)
    {
        w.Number(v.Soc2ReportMonths);
        w.Number(v.RunbookTestMonths);
        w.Number(v.ControlReviewMonths);
        w.Number(v.AccessReviewMonths);
    }

    private static StalenessPolicy ReadStalenessPolicy(ref Reader r) => new(r.Number(), r.Number(), r.Number(), r.Number());

    private static void Write(Writer w, LogSource v)
    {
        w.Text(v.Id);
        w.Text(v.Name);
        w.Text(v.Description);
        w.Number((int)v.Containers);
        w.List(v.Recognize, Write);
        w.Texts(v.Time.Fields);
        w.Number((int)v.Time.Formats);
        w.Text(v.Account.Value);
        w.Text(v.Account.Template);
        w.Texts(v.EventId.Templates);
        w.Number(v.EventId.HashWhenMissing ? 1 : 0);
        w.Text(v.NativeName);
        w.Texts(v.Actor);
        w.Texts(v.Resource);
        w.Texts(v.Ip);
        w.List(v.Rules, Write);
    }

    private static LogSource ReadLogSource(ref Reader r) => new(
        r.Text(),
        r.Text(),
        r.OptionalText(),
        (SourceContainers)r.Number(),
        r.List(ReadFieldCondition),
        new SourceTime(r.Texts(), (TimeFormats)r.Number()),
        new SourceAccount(r.OptionalText(), r.OptionalText()),
        new SourceEventId(r.Texts(), r.Number() != 0),
        r.Text(),
        r.Texts(),
        r.Texts(),
        r.Texts(),
        r.List(ReadSourceRule));

    private static void Write(Writer w, FieldCondition v)
    {
        w.Text(v.Field);
        w.Number((int)v.Kind);
        w.Texts(v.Values);
    }

    private static FieldCondition ReadFieldCondition(ref Reader r) => new(r.Text(), (ConditionKind)r.Number(), r.Texts());

    private static void Write(Writer w, SourceRule v)
    {
        w.Text(v.Name);
        w.List(v.When, Write);
        w.Text(v.Type);
        w.Text(v.Outcome.Value);
        w.Text(v.Outcome.Field);
        w.List(v.Outcome.Map, Write);
        w.Text(v.Outcome.Default);
    }

    private static SourceRule ReadSourceRule(ref Reader r) => new(
        r.OptionalText(), r.List(ReadFieldCondition), r.Text(), new SourceOutcome(r.OptionalText(), r.OptionalText(), r.List(ReadOutcomeMapping), r.OptionalText()));

    private static void Write(Writer w, OutcomeMapping v)
    {
        w.Text(v.From);
        w.Text(v.To);
    }

    private static OutcomeMapping ReadOutcomeMapping(ref Reader r) => new(r.Text(), r.Text());

    private static InvalidDataException Damaged() => new("the cached catalog is damaged");

    /// <summary>Little-endian 32-bit numbers; a string is its length in UTF-16 code units (-1 for null), then the units.</summary>
    private sealed class Writer
    {
        private readonly Stream stream;
        private readonly byte[] number = new byte[4];

        public Writer(Stream stream) => this.stream = stream;

        public void Flush() => stream.Flush();

        public void Number(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(number, value);
            stream.Write(number);
        }

        public void Number(int? value)
        {
            Number(value.HasValue ? 1 : 0);
            Number(value.GetValueOrDefault());
        }

        public void Text(string? value)
        {
            Number(value?.Length ?? -1);
            if (value is not null)
            {
                stream.Write(MemoryMarshal.AsBytes(value.AsSpan()));
            }
        }

        public void Texts(EquatableArray<string> values) => List(values, static (w, value) => w.Text(value));

        public void Date(CalendarDate? value)
        {
            Number(value.HasValue ? 1 : 0);
            var date = value.GetValueOrDefault();
            Number(date.Year);
            Number(date.Month);
            Number(date.Day);
        }

        public void Optional<T>(T? value, Action<Writer, T> write)
            where T : class
        {
            Number(value is null ? 0 : 1);
            if (value is not null)
            {
                write(this, value);
            }
        }

        public void List<T>(EquatableArray<T> values, Action<Writer, T> write)
            where T : IEquatable<T>
        {
            Number(values.Count);
            foreach (var value in values)
            {
                write(this, value);
            }
        }
    }

    private delegate T ReadItem<T>(ref Reader reader);

    /// <summary>Reads what <see cref="Writer"/> wrote; any read past the end or value out of range is <see cref="InvalidDataException"/>.</summary>
    private ref struct Reader
    {
        private readonly ReadOnlySpan<byte> bytes;
        private int position;

        public Reader(ReadOnlySpan<byte> bytes)
        {
            this.bytes = bytes;
            position = 0;
        }

        public void End()
        {
            if (position != bytes.Length)
            {
                throw Damaged();
            }
        }

        public int Number() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        /// <summary>The next <paramref name="count"/> bytes as they are.</summary>
        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (bytes.Length - position < count)
            {
                throw Damaged();
            }

            var value = bytes.Slice(position, count);
            position += count;
            return value;
        }

        /// <summary>Every byte not read yet.</summary>
        public ReadOnlySpan<byte> Rest() => Bytes(bytes.Length - position);

        public int? OptionalNumber()
        {
            bool present = Flag();
            int value = Number();
            return present ? value : null;
        }

        public string Text() => OptionalText() ?? throw Damaged();

        public string? OptionalText()
        {
            int length = Number();
            if (length == -1)
            {
                return null;
            }

            if (length < 0 || (bytes.Length - position) / 2 < length)
            {
                throw Damaged();
            }

            string value = new(MemoryMarshal.Cast<byte, char>(bytes.Slice(position, length * 2)));
            position += length * 2;
            return value;
        }

        public EquatableArray<string> Texts() => List(static (ref Reader r) => r.Text());

        public CalendarDate? Date()
        {
            bool present = Flag();
            int year = Number();
            int month = Number();
            int day = Number();
            return present ? new CalendarDate(year, month, day) : null;
        }

        public T? Optional<T>(ReadItem<T> read)
            where T : class =>
            Flag() ? read(ref this) : null;

        public EquatableArray<T> List<T>(ReadItem<T> read)
            where T : IEquatable<T>
        {
            int count = Number();
            if (count < 0 || count > bytes.Length - position)
            {
                throw Damaged();
            }

            var items = ImmutableArray.CreateBuilder<T>(count);
            for (int i = 0; i < count; i++)
            {
                items.Add(read(ref this));
            }

            return new EquatableArray<T>(items.MoveToImmutable());
        }

        private bool Flag() => Number() switch
        {
            0 => false,
            1 => true,
            _ => throw Damaged(),
        };
    }
}
